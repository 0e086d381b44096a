<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AlertWindow</name>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="140"/>
        <source>Use this number</source>
        <translation>Dit nummer gebruiken</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="529"/>
        <source>Missed call: call back now</source>
        <translation>Gemiste oproep: bel nu terug</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="513"/>
        <source>possibly Belgian: {number}</source>
        <translation>mogelijk Belgisch: {number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="514"/>
        <source>possibly Dutch: {number}</source>
        <translation>mogelijk Nederlands: {number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="515"/>
        <source>possibly German: {number}</source>
        <translation>mogelijk Duits: {number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="516"/>
        <source>possibly French: {number}</source>
        <translation>mogelijk Frans: {number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="517"/>
        <source>possibly from Luxembourg: {number}</source>
        <translation>mogelijk uit Luxemburg: {number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="519"/>
        <source>possibly from {country}: {number}</source>
        <translation>mogelijk uit {country}: {number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="195"/>
        <source>Call now</source>
        <translation>Bel nu</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="196"/>
        <source>Take it</source>
        <translation>Ik pak hem</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="197"/>
        <source>Not me</source>
        <translation>Niet ik</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="202"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="204"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="331"/>
        <source>Inbox unreachable — try again</source>
        <translation>Inbox niet bereikbaar — probeer het opnieuw</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="336"/>
        <location filename="../../app/ui/alert/alert_window.py" line="384"/>
        <source>a colleague</source>
        <translation>een collega</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="337"/>
        <source>Taken by {owner}</source>
        <translation>Opgepakt door {owner}</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="344"/>
        <source>Calling</source>
        <translation>Bellen</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="357"/>
        <source>{owner} took this lead</source>
        <translation>{owner} heeft deze lead opgepakt</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="359"/>
        <source>A colleague took this lead</source>
        <translation>Een collega heeft deze lead opgepakt</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="385"/>
        <source>Given back by {name}</source>
        <translation>Teruggegeven door {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="387"/>
        <source>no calls yet</source>
        <translation>nog niet gebeld</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="390"/>
        <source>1 call</source>
        <translation>1 keer gebeld</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="390"/>
        <source>{n} calls</source>
        <translation>{n} keer gebeld</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="438"/>
        <source>New lead — {name}</source>
        <translation>Nieuwe lead — {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="480"/>
        <source>{n} more waiting</source>
        <translation>nog {n} in de rij</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="491"/>
        <source>Over time</source>
        <translation>Over tijd</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="491"/>
        <source>Call within</source>
        <translation>Bel binnen</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="501"/>
        <source>asked {ago} ago</source>
        <translation>{ago} geleden gevraagd</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="526"/>
        <location filename="../../app/ui/alert/alert_window.py" line="528"/>
        <source>New lead</source>
        <translation>Nieuwe lead</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="526"/>
        <source>Given back to the team</source>
        <translation>Teruggegeven aan het team</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="532"/>
        <source>via {source}</source>
        <translation>via {source}</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="535"/>
        <source>landed just now</source>
        <translation>net binnen</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="537"/>
        <source>landed {ago} ago</source>
        <translation>{ago} geleden binnengekomen</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/alert_window.py" line="565"/>
        <source>Claiming the lead…</source>
        <translation>Lead wordt opgepakt…</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../app/ui/common/notify.py" line="115"/>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/notify.py" line="117"/>
        <location filename="../../app/ui/common/notify.py" line="118"/>
        <source>Dismiss</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>CallPanel</name>
    <message>
        <location filename="../../app/ui/alert/call_panel.py" line="73"/>
        <source>Copy number</source>
        <translation>Nummer kopiëren</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/call_panel.py" line="75"/>
        <source>Record outcome</source>
        <translation>Resultaat vastleggen</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/call_panel.py" line="78"/>
        <source>Scan to call</source>
        <translation>Scan om te bellen</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/call_panel.py" line="115"/>
        <source>Call {name}</source>
        <translation>Bel {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/call_panel.py" line="123"/>
        <source>No phone number</source>
        <translation>Geen telefoonnummer</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/call_panel.py" line="132"/>
        <source>This number could not be checked — dial it by hand</source>
        <translation>Dit nummer kon niet worden gecontroleerd — toets het zelf in</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/call_panel.py" line="134"/>
        <source>This lead has no phone number</source>
        <translation>Deze lead heeft geen telefoonnummer</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/call_panel.py" line="142"/>
        <source>Scan the code to call from your mobile</source>
        <translation>Scan de code om met je mobiel te bellen</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/call_panel.py" line="144"/>
        <source>Sent to your phone app — or scan the code with your mobile</source>
        <translation>Doorgestuurd naar je telefoon-app — of scan de code met je mobiel</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/call_panel.py" line="147"/>
        <source>No phone app here — dial the number or scan the code</source>
        <translation>Geen telefoon-app op deze pc — kies het nummer of scan de code</translation>
    </message>
    <message>
        <location filename="../../app/ui/alert/call_panel.py" line="154"/>
        <source>Number copied</source>
        <translation>Nummer gekopieerd</translation>
    </message>
</context>
<context>
    <name>CallWindow</name>
    <message>
        <location filename="../../app/ui/alert/call_panel.py" line="220"/>
        <source>Calling {name}</source>
        <translation>{name} bellen</translation>
    </message>
</context>
<context>
    <name>LeadText</name>
    <message>
        <location filename="../../app/ui/common/lead_text.py" line="25"/>
        <source>stock {stock}</source>
        <translation>voorraadnr. {stock}</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_text.py" line="34"/>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_text.py" line="37"/>
        <source>{h} h {m} min</source>
        <translation>{h} u {m} min</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_text.py" line="40"/>
        <source>{d} d {h} h</source>
        <translation>{d} d {h} u</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../app/ui/salesperson/outcome_dialog.py" line="74"/>
        <source>Call outcome — {name}</source>
        <translation>Gespreksresultaat — {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/outcome_dialog.py" line="81"/>
        <source>Attempt {n} of {total}</source>
        <translation>Poging {n} van {total}</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/outcome_dialog.py" line="83"/>
        <source>Attempt {n}</source>
        <translation>Poging {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/outcome_dialog.py" line="96"/>
        <source>Note (optional)</source>
        <translation>Notitie (optioneel)</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/outcome_dialog.py" line="100"/>
        <source>Appointment made</source>
        <translation>Afspraak gemaakt</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/outcome_dialog.py" line="101"/>
        <source>Reached, no appointment</source>
        <translation>Bereikt, geen afspraak</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/outcome_dialog.py" line="102"/>
        <source>Not interested</source>
        <translation>Geen interesse</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/outcome_dialog.py" line="105"/>
        <source>Voicemail</source>
        <translation>Voicemail</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/outcome_dialog.py" line="106"/>
        <source>No answer</source>
        <translation>Geen gehoor</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/outcome_dialog.py" line="107"/>
        <source>Busy</source>
        <translation>In gesprek</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/outcome_dialog.py" line="109"/>
        <source>Wrong number</source>
        <translation>Verkeerd nummer</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/outcome_dialog.py" line="118"/>
        <source>Reached</source>
        <translation>Bereikt</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/outcome_dialog.py" line="118"/>
        <source>Not reached</source>
        <translation>Niet bereikt</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/outcome_dialog.py" line="140"/>
        <source>Save appointment</source>
        <translation>Afspraak opslaan</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/outcome_dialog.py" line="145"/>
        <source>Appointment on</source>
        <translation>Afspraak op</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/outcome_dialog.py" line="152"/>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/outcome_dialog.py" line="155"/>
        <source>Keys 1–7 pick an outcome · Esc: later</source>
        <translation>Toetsen 1–7 kiezen een resultaat · Esc: later</translation>
    </message>
</context>
</TS>
