<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AlertWindow</name>
    <message>
        <location filename="../../app/ui/alert/alert_window.py"/>
        <source>Use this number</source>
        <translation>Dit nummer gebruiken</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py"/>
        <source>Missed call: call back now</source>
        <translation>Gemiste oproep: bel nu terug</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py"/>
        <source>possibly Belgian: {number}</source>
        <translation>mogelijk Belgisch: {number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py"/>
        <source>possibly Dutch: {number}</source>
        <translation>mogelijk Nederlands: {number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py"/>
        <source>possibly German: {number}</source>
        <translation>mogelijk Duits: {number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py"/>
        <source>possibly French: {number}</source>
        <translation>mogelijk Frans: {number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py"/>
        <source>possibly from Luxembourg: {number}</source>
        <translation>mogelijk uit Luxemburg: {number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py"/>
        <source>possibly from {country}: {number}</source>
        <translation>mogelijk uit {country}: {number}</translation>
    </message>
    <message>
        <location filename="../../ui/alert.py" line="168"/>
        <source>Call now</source>
        <translation>Bel nu</translation>
    </message>
    <message>
        <location filename="../../ui/alert.py" line="169"/>
        <source>Take it</source>
        <translation>Ik pak hem</translation>
    </message>
    <message>
        <location filename="../../ui/alert.py" line="170"/>
        <source>Not me</source>
        <translation>Niet ik</translation>
    </message>
    <message>
        <location filename="../../ui/alert.py" line="175"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../ui/alert.py" line="177"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../../ui/alert.py" line="285"/>
        <source>Inbox unreachable — try again</source>
        <translation>Inbox niet bereikbaar — probeer het opnieuw</translation>
    </message>
    <message>
        <location filename="../../ui/alert.py" line="290"/>
        <source>a colleague</source>
        <translation>een collega</translation>
    </message>
    <message>
        <location filename="../../ui/alert.py" line="291"/>
        <source>Taken by {owner}</source>
        <translation>Opgepakt door {owner}</translation>
    </message>
    <message>
        <location filename="../../ui/alert.py" line="297"/>
        <source>Calling</source>
        <translation>Bellen</translation>
    </message>
    <message>
        <location filename="../../ui/alert.py" line="309"/>
        <source>{owner} took this lead</source>
        <translation>{owner} heeft deze lead opgepakt</translation>
    </message>
    <message>
        <location filename="../../ui/alert.py" line="310"/>
        <source>A colleague took this lead</source>
        <translation>Een collega heeft deze lead opgepakt</translation>
    </message>
    <message>
        <location filename="../../ui/alert.py" line="351"/>
        <source>New lead — {name}</source>
        <translation>Nieuwe lead — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/alert.py" line="384"/>
        <source>{n} more waiting</source>
        <translation>nog {n} in de rij</translation>
    </message>
    <message>
        <location filename="../../ui/alert.py" line="394"/>
        <source>Over time</source>
        <translation>Over tijd</translation>
    </message>
    <message>
        <location filename="../../ui/alert.py" line="395"/>
        <source>Call within</source>
        <translation>Bel binnen</translation>
    </message>
    <message>
        <location filename="../../ui/alert.py" line="404"/>
        <source>asked {ago} ago</source>
        <translation>{ago} geleden gevraagd</translation>
    </message>
    <message>
        <location filename="../../ui/alert.py" line="411"/>
        <source>New lead</source>
        <translation>Nieuwe lead</translation>
    </message>
    <message>
        <location filename="../../ui/alert.py" line="414"/>
        <source>via {source}</source>
        <translation>via {source}</translation>
    </message>
    <message>
        <location filename="../../ui/alert.py" line="418"/>
        <source>landed just now</source>
        <translation>net binnen</translation>
    </message>
    <message>
        <location filename="../../ui/alert.py" line="419"/>
        <source>landed {ago} ago</source>
        <translation>{ago} geleden binnengekomen</translation>
    </message>
    <message>
        <location filename="../../ui/alert.py" line="447"/>
        <source>Claiming the lead…</source>
        <translation>Lead wordt opgepakt…</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../ui/notify.py" line="115"/>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <location filename="../../ui/notify.py" line="117"/>
        <location filename="../../ui/notify.py" line="118"/>
        <source>Dismiss</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>CallPanel</name>
    <message>
        <location filename="../../ui/call_panel.py" line="68"/>
        <source>Copy number</source>
        <translation>Nummer kopiëren</translation>
    </message>
    <message>
        <location filename="../../ui/call_panel.py" line="70"/>
        <source>Record outcome</source>
        <translation>Resultaat vastleggen</translation>
    </message>
    <message>
        <location filename="../../ui/call_panel.py" line="73"/>
        <source>Scan to call</source>
        <translation>Scan om te bellen</translation>
    </message>
    <message>
        <location filename="../../ui/call_panel.py" line="109"/>
        <source>Call {name}</source>
        <translation>Bel {name}</translation>
    </message>
    <message>
        <location filename="../../ui/call_panel.py" line="112"/>
        <source>No phone number</source>
        <translation>Geen telefoonnummer</translation>
    </message>
    <message>
        <location filename="../../ui/call_panel.py" line="121"/>
        <source>This number could not be checked — dial it by hand</source>
        <translation>Dit nummer kon niet worden gecontroleerd — toets het zelf in</translation>
    </message>
    <message>
        <location filename="../../ui/call_panel.py" line="122"/>
        <source>This lead has no phone number</source>
        <translation>Deze lead heeft geen telefoonnummer</translation>
    </message>
    <message>
        <location filename="../../ui/call_panel.py" line="130"/>
        <source>Scan the code to call from your mobile</source>
        <translation>Scan de code om met je mobiel te bellen</translation>
    </message>
    <message>
        <location filename="../../ui/call_panel.py" line="132"/>
        <source>Sent to your phone app — or scan the code with your mobile</source>
        <translation>Doorgestuurd naar je telefoon-app — of scan de code met je mobiel</translation>
    </message>
    <message>
        <location filename="../../ui/call_panel.py" line="135"/>
        <source>No phone app here — dial the number or scan the code</source>
        <translation>Geen telefoon-app op deze pc — kies het nummer of scan de code</translation>
    </message>
    <message>
        <location filename="../../ui/call_panel.py" line="142"/>
        <source>Number copied</source>
        <translation>Nummer gekopieerd</translation>
    </message>
</context>
<context>
    <name>LeadText</name>
    <message>
        <location filename="../../ui/lead_text.py" line="46"/>
        <source>stock {stock}</source>
        <translation>voorraadnr. {stock}</translation>
    </message>
    <message>
        <location filename="../../ui/lead_text.py" line="55"/>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <location filename="../../ui/lead_text.py" line="58"/>
        <source>{h} h {m} min</source>
        <translation>{h} u {m} min</translation>
    </message>
    <message>
        <location filename="../../ui/lead_text.py" line="61"/>
        <source>{d} d {h} h</source>
        <translation>{d} d {h} u</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../ui/outcome_dialog.py" line="48"/>
        <source>Call outcome — {name}</source>
        <translation>Gespreksresultaat — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/outcome_dialog.py" line="53"/>
        <source>Attempt {n} of {total}</source>
        <translation>Poging {n} van {total}</translation>
    </message>
    <message>
        <location filename="../../ui/outcome_dialog.py" line="54"/>
        <source>Attempt {n}</source>
        <translation>Poging {n}</translation>
    </message>
    <message>
        <location filename="../../ui/outcome_dialog.py" line="58"/>
        <source>Note (optional)</source>
        <translation>Notitie (optioneel)</translation>
    </message>
    <message>
        <location filename="../../ui/outcome_dialog.py" line="62"/>
        <source>Appointment made</source>
        <translation>Afspraak gemaakt</translation>
    </message>
    <message>
        <location filename="../../ui/outcome_dialog.py" line="63"/>
        <source>Reached, no appointment</source>
        <translation>Bereikt, geen afspraak</translation>
    </message>
    <message>
        <location filename="../../ui/outcome_dialog.py" line="64"/>
        <source>Not interested</source>
        <translation>Geen interesse</translation>
    </message>
    <message>
        <location filename="../../ui/outcome_dialog.py" line="67"/>
        <source>Voicemail</source>
        <translation>Voicemail</translation>
    </message>
    <message>
        <location filename="../../ui/outcome_dialog.py" line="68"/>
        <source>No answer</source>
        <translation>Geen gehoor</translation>
    </message>
    <message>
        <location filename="../../ui/outcome_dialog.py" line="69"/>
        <source>Busy</source>
        <translation>In gesprek</translation>
    </message>
    <message>
        <location filename="../../ui/outcome_dialog.py" line="71"/>
        <source>Wrong number</source>
        <translation>Verkeerd nummer</translation>
    </message>
    <message>
        <location filename="../../ui/outcome_dialog.py" line="78"/>
        <source>Reached</source>
        <translation>Bereikt</translation>
    </message>
    <message>
        <location filename="../../ui/outcome_dialog.py" line="78"/>
        <source>Not reached</source>
        <translation>Niet bereikt</translation>
    </message>
    <message>
        <location filename="../../ui/outcome_dialog.py" line="91"/>
        <source>Later</source>
        <translation>Later</translation>
    </message>
</context>
</TS>
