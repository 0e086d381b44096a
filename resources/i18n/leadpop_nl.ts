<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../app/ui/common/first_run.py" line="25"/>
        <location filename="../../app/ui/common/first_run.py" line="26"/>
        <source>Welcome to Leadpop</source>
        <translation>Welkom bij Leadpop</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/first_run.py" line="29"/>
        <source>New online leads will pop up on this PC with a two-minute countdown. Who works here? Your colleagues see this name when you take a lead.</source>
        <translation>Nieuwe online leads verschijnen op deze pc met een aftelklok van twee minuten. Wie werkt hier? Je collega&apos;s zien deze naam als jij een lead pakt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/first_run.py" line="36"/>
        <source>e.g. Piet de Vries</source>
        <translation>bijv. Piet de Vries</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/first_run.py" line="39"/>
        <source>Salesperson</source>
        <translation>Verkoper</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/first_run.py" line="40"/>
        <source>Sales manager</source>
        <translation>Verkoopmanager</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/first_run.py" line="43"/>
        <source>Your name</source>
        <translation>Je naam</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/first_run.py" line="44"/>
        <source>Your role</source>
        <translation>Je rol</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/first_run.py" line="47"/>
        <source>Start</source>
        <translation>Beginnen</translation>
    </message>
</context>
<context>
    <name>LeadDetail</name>
    <message>
        <location filename="../../app/ui/salesperson/lead_detail.py" line="77"/>
        <source>Select a lead to see its details</source>
        <translation>Kies een lead om de details te zien</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_detail.py" line="100"/>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_detail.py" line="101"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_detail.py" line="102"/>
        <source>Car</source>
        <translation>Auto</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_detail.py" line="103"/>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_detail.py" line="104"/>
        <source>Landed</source>
        <translation>Binnengekomen</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_detail.py" line="105"/>
        <source>Question</source>
        <translation>Vraag</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_detail.py" line="110"/>
        <source>Call</source>
        <translation>Bellen</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_detail.py" line="111"/>
        <source>Record outcome</source>
        <translation>Resultaat vastleggen</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_detail.py" line="112"/>
        <source>QR code</source>
        <translation>QR-code</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_detail.py" line="113"/>
        <source>Copy number</source>
        <translation>Nummer kopiëren</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_detail.py" line="114"/>
        <source>Mark sold</source>
        <translation>Verkocht</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_detail.py" line="115"/>
        <source>Mark lost…</source>
        <translation>Verloren…</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_detail.py" line="116"/>
        <source>Release to team</source>
        <translation>Terug naar het team</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_detail.py" line="118"/>
        <source>Snooze</source>
        <translation>Later herinneren</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_detail.py" line="123"/>
        <source>{n} minutes</source>
        <translation>{n} minuten</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_detail.py" line="340"/>
        <source>1 hour</source>
        <translation>1 uur</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_detail.py" line="342"/>
        <source>{n} hours</source>
        <translation>{n} uur</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_detail.py" line="354"/>
        <source>Until opening, {time}</source>
        <translation>Tot de opening, {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_detail.py" line="153"/>
        <source>Attempt</source>
        <translation>Poging</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_detail.py" line="153"/>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_detail.py" line="153"/>
        <source>Outcome</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_detail.py" line="153"/>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_detail.py" line="163"/>
        <source>No calls yet</source>
        <translation>Nog niet gebeld</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_detail.py" line="182"/>
        <source>Calls</source>
        <translation>Belpogingen</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_detail.py" line="185"/>
        <source>Original document</source>
        <translation>Oorspronkelijk document</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_detail.py" line="231"/>
        <source>Lost: {reason}</source>
        <translation>Verloren: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_detail.py" line="238"/>
        <source>no phone number</source>
        <translation>geen telefoonnummer</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_detail.py" line="274"/>
        <source>by {name}</source>
        <translation>door {name}</translation>
    </message>
</context>
<context>
    <name>LeadFormat</name>
    <message>
        <location filename="../../app/ui/common/lead_format.py" line="24"/>
        <source>Attempt {n}</source>
        <translation>Poging {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_format.py" line="26"/>
        <location filename="../../app/ui/common/lead_format.py" line="28"/>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_format.py" line="29"/>
        <location filename="../../app/ui/common/lead_format.py" line="116"/>
        <source>Reached</source>
        <translation>Bereikt</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_format.py" line="30"/>
        <source>Appointment</source>
        <translation>Afspraak</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_format.py" line="31"/>
        <source>Sold</source>
        <translation>Verkocht</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_format.py" line="32"/>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_format.py" line="33"/>
        <source>Taken</source>
        <translation>Bij een collega</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_format.py" line="46"/>
        <source>tomorrow {time}</source>
        <translation>morgen {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_format.py" line="48"/>
        <source>yesterday {time}</source>
        <translation>gisteren {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_format.py" line="62"/>
        <source>First call due {time}</source>
        <translation>Eerste belpoging om {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_format.py" line="65"/>
        <source>Attempt {n} due {time}</source>
        <translation>Poging {n} om {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_format.py" line="72"/>
        <source>Appointment {time}</source>
        <translation>Afspraak {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_format.py" line="76"/>
        <source>Close: sold or lost</source>
        <translation>Afsluiten: verkocht of verloren</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_format.py" line="80"/>
        <source>3 calls made — close it</source>
        <translation>3 keer gebeld — afsluiten</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_format.py" line="86"/>
        <source>Call started {time} — record the outcome</source>
        <translation>Gebeld om {time} — leg het resultaat vast</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_format.py" line="95"/>
        <source>Call {name} — attempt 1 of {total}</source>
        <translation>Bel {name} — poging 1 van {total}</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_format.py" line="98"/>
        <source>Call {name} again — attempt {n} of {total}</source>
        <translation>Bel {name} opnieuw — poging {n} van {total}</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_format.py" line="107"/>
        <source>due since {time}</source>
        <translation>al sinds {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_format.py" line="117"/>
        <source>Appointment made</source>
        <translation>Afspraak gemaakt</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_format.py" line="118"/>
        <source>Voicemail</source>
        <translation>Voicemail</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_format.py" line="119"/>
        <source>No answer</source>
        <translation>Geen gehoor</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_format.py" line="120"/>
        <source>Busy</source>
        <translation>In gesprek</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_format.py" line="121"/>
        <location filename="../../app/ui/common/lead_format.py" line="139"/>
        <source>Wrong number</source>
        <translation>Verkeerd nummer</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_format.py" line="136"/>
        <source>Bought elsewhere</source>
        <translation>Elders gekocht</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_format.py" line="137"/>
        <source>Not interested</source>
        <translation>Geen interesse</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_format.py" line="138"/>
        <source>No response after three attempts</source>
        <translation>Geen reactie na drie pogingen</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_format.py" line="140"/>
        <source>Financing declined</source>
        <translation>Financiering afgewezen</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_format.py" line="154"/>
        <source>Appointment {when}</source>
        <translation>Afspraak {when}</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/lead_format.py" line="133"/>
        <location filename="../../app/ui/common/lead_format.py" line="141"/>
        <source>Other reason</source>
        <translation>Andere reden</translation>
    </message>
</context>
<context>
    <name>LeadStatusBar</name>
    <message>
        <location filename="../../app/ui/salesperson/status_bar.py" line="70"/>
        <source>No push: new leads within 2 s</source>
        <translation>Geen push: nieuwe leads binnen 2 s</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/status_bar.py" line="75"/>
        <source>This PC&apos;s disk is full</source>
        <translation>De schijf van deze pc is vol</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/status_bar.py" line="77"/>
        <source>New leads still alert; Leadpop keeps them in memory and stores them once there is room. Free some space on this PC.</source>
        <translation>Nieuwe leads melden zich nog steeds; Leadpop houdt ze in het geheugen en slaat ze op zodra er ruimte is. Maak wat ruimte vrij op deze pc.</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/status_bar.py" line="48"/>
        <source>Connecting to the inbox…</source>
        <translation>Verbinden met de inbox…</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/status_bar.py" line="50"/>
        <source>Inbox connected</source>
        <translation>Inbox verbonden</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/status_bar.py" line="54"/>
        <source>Inbox unreachable — retrying…</source>
        <translation>Inbox onbereikbaar — opnieuw proberen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/status_bar.py" line="56"/>
        <source>Inbox unreachable since {time} — retrying…</source>
        <translation>Inbox onbereikbaar sinds {time} — opnieuw proberen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/status_bar.py" line="88"/>
        <source>Available</source>
        <translation>Beschikbaar</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/status_bar.py" line="26"/>
        <source>Show the waiting leads</source>
        <translation>Toon de wachtende leads</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/status_bar.py" line="80"/>
        <source>With a customer until {time}</source>
        <translation>Bij een klant tot {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/status_bar.py" line="81"/>
        <source>With a customer</source>
        <translation>Bij een klant</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/status_bar.py" line="83"/>
        <source>On a break until {time}</source>
        <translation>Met pauze tot {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/status_bar.py" line="84"/>
        <source>On a break</source>
        <translation>Met pauze</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/status_bar.py" line="90"/>
        <source>{status} — new leads come as a message</source>
        <translation>{status} — nieuwe leads komen als melding</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/status_bar.py" line="101"/>
        <source>No leads waiting</source>
        <translation>Geen wachtende leads</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/status_bar.py" line="103"/>
        <source>{n} waiting for opening time</source>
        <translation>{n} wacht op openingstijd</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/salesperson/status_bar.py" line="106"/>
        <source>%n lead(s) waiting ({m} for opening time)</source>
        <translation>
            <numerusform>%n lead wacht ({m} op openingstijd)</numerusform>
            <numerusform>%n leads wachten ({m} op openingstijd)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/salesperson/status_bar.py" line="109"/>
        <source>%n lead(s) waiting</source>
        <translation>
            <numerusform>%n lead wacht</numerusform>
            <numerusform>%n leads wachten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/status_bar.py" line="116"/>
        <source>Warning: the mail server&apos;s certificate is not checked</source>
        <translation>Let op: het certificaat van de mailserver wordt niet gecontroleerd</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/status_bar.py" line="117"/>
        <source>Set with ?tls=insecure-skip-verify in the inbox address</source>
        <translation>Ingesteld met ?tls=insecure-skip-verify in het inbox-adres</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/status_bar.py" line="122"/>
        <source>Demo: a sample lead arrives every 2 minutes</source>
        <translation>Demo: elke 2 minuten komt er een voorbeeldlead binnen</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/status_bar.py" line="124"/>
        <source>open around the clock</source>
        <translation>dag en nacht open</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/status_bar.py" line="52"/>
        <source>Mailbox: sign in again (Settings)</source>
        <translation>Mailbox: meld je opnieuw aan (Instellingen)</translation>
    </message>
</context>
<context>
    <name>LeadTableModel</name>
    <message>
        <location filename="../../app/ui/salesperson/lead_table.py" line="99"/>
        <source>Missed call: {number}</source>
        <translation>Gemiste oproep: {number}</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_table.py" line="50"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_table.py" line="51"/>
        <source>Customer</source>
        <translation>Klant</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_table.py" line="53"/>
        <source>Car</source>
        <translation>Auto</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_table.py" line="54"/>
        <source>Age</source>
        <translation>Sinds</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lead_table.py" line="52"/>
        <source>Next</source>
        <translation>Volgende stap</translation>
    </message>
</context>
<context>
    <name>LostReasonDialog</name>
    <message>
        <location filename="../../app/ui/salesperson/lost_dialog.py" line="49"/>
        <source>Why was this lead lost?</source>
        <translation>Waarom is deze lead verloren?</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lost_dialog.py" line="58"/>
        <source>What happened?</source>
        <translation>Wat is er gebeurd?</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lost_dialog.py" line="65"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/lost_dialog.py" line="40"/>
        <location filename="../../app/ui/salesperson/lost_dialog.py" line="62"/>
        <source>Mark lost</source>
        <translation>Op verloren zetten</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/salesperson/main_window.py" line="129"/>
        <source>Search name, phone, car…</source>
        <translation>Zoek op naam, telefoon, auto…</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/main_window.py" line="136"/>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/main_window.py" line="137"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/main_window.py" line="138"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/main_window.py" line="186"/>
        <source>My leads</source>
        <translation>Mijn leads</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/main_window.py" line="194"/>
        <source>Dismiss</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/main_window.py" line="233"/>
        <source>With a customer</source>
        <translation>Bij een klant</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/main_window.py" line="235"/>
        <source>On a break</source>
        <translation>Met pauze</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/main_window.py" line="243"/>
        <source>Settings…</source>
        <translation>Instellingen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/main_window.py" line="249"/>
        <source>Availability</source>
        <translation>Beschikbaarheid</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/main_window.py" line="252"/>
        <source>I am:</source>
        <translation>Ik ben:</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/main_window.py" line="324"/>
        <source>I&apos;m available again</source>
        <translation>Ik ben weer beschikbaar</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/main_window.py" line="329"/>
        <source>Until I switch back</source>
        <translation>Tot ik terugschakel</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/main_window.py" line="331"/>
        <source>For 1 hour</source>
        <translation>1 uur</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/main_window.py" line="333"/>
        <source>For {n} minutes</source>
        <translation>{n} minuten</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/salesperson/main_window.py" line="456"/>
        <source>{shown} of %n lead(s)</source>
        <translation>
            <numerusform>{shown} van %n lead</numerusform>
            <numerusform>{shown} van %n leads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/salesperson/main_window.py" line="458"/>
        <source>%n lead(s)</source>
        <translation>
            <numerusform>%n lead</numerusform>
            <numerusform>%n leads</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/main_window.py" line="498"/>
        <source>Quit Leadpop?</source>
        <translation>Leadpop afsluiten?</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/main_window.py" line="499"/>
        <source>This desktop has no system tray, so Leadpop can&apos;t keep running in the background: closing the window quits it, and new leads will not pop up on this PC.</source>
        <translation>Deze desktop heeft geen systeemvak, dus Leadpop kan niet op de achtergrond blijven draaien: als je het venster sluit, stopt Leadpop en verschijnen nieuwe leads niet meer op deze pc.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../app/ui/common/password_dialog.py" line="19"/>
        <source>Mailbox password</source>
        <translation>Wachtwoord van de mailbox</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/password_dialog.py" line="21"/>
        <source>Leadpop reads new leads from the mailbox {user} on {host}.</source>
        <translation>Leadpop leest nieuwe leads uit de mailbox {user} op {host}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/password_dialog.py" line="25"/>
        <source>The mail server refused the password. Enter it again.</source>
        <translation>De mailserver weigerde het wachtwoord. Voer het opnieuw in.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/password_dialog.py" line="29"/>
        <source>The password is kept in this computer&apos;s password store, never in a file.</source>
        <translation>Het wachtwoord wordt bewaard in de wachtwoordkluis van deze computer, nooit in een bestand.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/password_dialog.py" line="35"/>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
</context>
<context>
    <name>QrDialog</name>
    <message>
        <location filename="../../app/ui/alert/qr_dialog.py" line="15"/>
        <source>Call {name}</source>
        <translation>Bel {name}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="200"/>
        <source>Only the opening hours</source>
        <translation>Alleen de openingstijden</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="206"/>
        <source>Who gets a lead</source>
        <translation>Wie krijgt een lead</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="207"/>
        <source>Closed days</source>
        <translation>Gesloten dagen</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="276"/>
        <source>by priority: {names}</source>
        <translation>op volgorde: {names}</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="278"/>
        <source>in turn</source>
        <translation>om de beurt</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="280"/>
        <source>Everyone at once</source>
        <translation>Iedereen tegelijk</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="281"/>
        <source>One salesperson at a time, {s} s each ({order}), then everyone</source>
        <translation>Eén verkoper tegelijk, elk {s} s ({order}), daarna iedereen</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="282"/>
        <source>Each lead to the next salesperson for {s} s, then everyone</source>
        <translation>Elke lead {s} s naar de volgende verkoper, daarna iedereen</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="283"/>
        <source>A source&apos;s group first for {s} s, then everyone</source>
        <translation>Eerst {s} s de groep van de bron, daarna iedereen</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="285"/>
        <source>{first}; the manager&apos;s screen too after {m} min</source>
        <translation>{first}; na {m} min ook het scherm van de verkoopmanager</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="84"/>
        <source>Leadpop settings</source>
        <translation>Leadpop-instellingen</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="93"/>
        <source>Salesperson</source>
        <translation>Verkoper</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="94"/>
        <source>Sales manager</source>
        <translation>Verkoopmanager</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="97"/>
        <source>Show the full-screen alert for me</source>
        <translation>Toon de schermvullende melding ook bij mij</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="103"/>
        <source>This PC only: {path}</source>
        <translation>Alleen deze pc: {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="105"/>
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="120"/>
        <source>e.g. &apos;mo-fr 09:00-18:00, sa 09:00-17:00&apos;, or &apos;always&apos;</source>
        <translation>bijv. &apos;ma-vr 09:00-18:00, za 09:00-17:00&apos;, of &apos;altijd&apos;</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="136"/>
        <source>Play a sound with the alert</source>
        <translation>Geluid afspelen bij de melding</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="139"/>
        <source>Same as the computer</source>
        <translation>Taal van de computer</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="145"/>
        <source>A new language shows the next time Leadpop starts.</source>
        <translation>Een andere taal zie je bij de volgende start van Leadpop.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="150"/>
        <source>Start Leadpop with the computer</source>
        <translation>Leadpop starten met de computer</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="171"/>
        <source>Your name</source>
        <translation>Je naam</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="172"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="175"/>
        <source>Lead inbox</source>
        <translation>Lead-inbox</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="181"/>
        <source>Phone numbers from</source>
        <translation>Land van de telefoonnummers</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="182"/>
        <source>Opening hours</source>
        <translation>Openingstijden</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="184"/>
        <source>Call attempt 2 after</source>
        <translation>Belpoging 2 na</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="185"/>
        <source>Call attempt 3 after</source>
        <translation>Belpoging 3 na</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="189"/>
        <source>{months} months after a lead&apos;s last activity</source>
        <translation>{months} maanden na het laatste contact over een lead</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="195"/>
        <source>Customer data kept</source>
        <translation>Klantgegevens bewaard</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="210"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="194"/>
        <location filename="../../app/ui/common/settings_dialog.py" line="205"/>
        <location filename="../../app/ui/common/settings_dialog.py" line="215"/>
        <source>Set by your IT department</source>
        <translation>Ingesteld door je IT-afdeling</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="233"/>
        <source>Set on the command line ({options}); change it there.</source>
        <translation>Ingesteld op de opdrachtregel ({options}); wijzig het daar.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="238"/>
        <source>The greyed-out settings are set by your IT department.</source>
        <translation>De grijze instellingen zijn ingesteld door je IT-afdeling.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="245"/>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="246"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="257"/>
        <source>You</source>
        <translation>Jij</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="258"/>
        <source>Dealership</source>
        <translation>Dealer</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="259"/>
        <source>This PC</source>
        <translation>Deze pc</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="293"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="301"/>
        <source>Lead inbox folder</source>
        <translation>Map van de lead-inbox</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="312"/>
        <source>Opening hours: {error}</source>
        <translation>Openingstijden: {error}</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/settings_dialog.py" line="180"/>
        <source>Mailbox sign-in</source>
        <translation>Aanmelding mailbox</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../app/ui/shell.py" line="348"/>
        <source>a colleague can take it</source>
        <translation>een collega kan hem pakken</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="351"/>
        <source>New lead — {name}</source>
        <translation>Nieuwe lead — {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="727"/>
        <source>Opening hours: {error}</source>
        <translation>Openingstijden: {error}</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="747"/>
        <source>Leadpop keeps running here and pops up new leads. Quit from this menu.</source>
        <translation>Leadpop blijft hier draaien en toont nieuwe leads. Afsluiten kan via dit menu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="520"/>
        <source>Leadpop: sign in again</source>
        <translation>Leadpop: meld je opnieuw aan</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="391"/>
        <source>{name}: given back to the team</source>
        <translation>{name}: teruggegeven aan het team</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="402"/>
        <source>{name}: marked sold</source>
        <translation>{name}: op verkocht gezet</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="411"/>
        <source>Mark sold?</source>
        <translation>Als verkocht markeren?</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="412"/>
        <source>{name} has not been called yet. Mark this lead sold anyway?</source>
        <translation>{name} is nog niet gebeld. Deze lead toch als verkocht markeren?</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="438"/>
        <source>Not me: {name}</source>
        <translation>Niet ik: {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="461"/>
        <source>Inbox unreachable — try again</source>
        <translation>Inbox onbereikbaar — probeer het opnieuw</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="463"/>
        <source>a colleague</source>
        <translation>een collega</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="464"/>
        <source>Taken by {owner}</source>
        <translation>Genomen door {owner}</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="505"/>
        <source>How did the call with {name} go?</source>
        <translation>Hoe ging het gesprek met {name}?</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="506"/>
        <source>Record the outcome: open this message</source>
        <translation>Leg het resultaat vast: open deze melding</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="522"/>
        <source>The mailbox no longer accepts this PC&apos;s sign-in. Open Settings and sign in again; your own leads and reminders keep working meanwhile.</source>
        <translation>De mailbox accepteert de aanmelding van deze pc niet meer. Open Instellingen en meld je opnieuw aan; je eigen leads en herinneringen blijven intussen werken.</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="646"/>
        <source>{name}: call recorded</source>
        <translation>{name}: gesprek vastgelegd</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="680"/>
        <source>{name}: marked lost</source>
        <translation>{name}: op verloren gezet</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../app/ui/common/signin_dialog.py" line="76"/>
        <source>Sign in to the mailbox</source>
        <translation>Aanmelden bij de mailbox</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/signin_dialog.py" line="88"/>
        <source>Leadpop reads new leads from the shared mailbox. Sign in once on this PC with the account that has access to it. The sign-in is kept in this computer&apos;s password store, never in a file.</source>
        <translation>Leadpop leest nieuwe leads uit de gedeelde mailbox. Meld je één keer aan op deze pc met het account dat er toegang toe heeft. De aanmelding wordt bewaard in de wachtwoordkluis van deze computer, nooit in een bestand.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/signin_dialog.py" line="97"/>
        <source>Sign in with the browser</source>
        <translation>Aanmelden met de browser</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/signin_dialog.py" line="100"/>
        <source>Sign in with a code</source>
        <translation>Aanmelden met een code</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/signin_dialog.py" line="102"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/signin_dialog.py" line="130"/>
        <source>Asking for a code…</source>
        <translation>Code opvragen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/signin_dialog.py" line="132"/>
        <source>Finish signing in in the browser…</source>
        <translation>Rond het aanmelden af in de browser…</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/signin_dialog.py" line="147"/>
        <source>Open {address} on a phone or another PC and enter this code.</source>
        <translation>Open {address} op een telefoon of een andere pc en voer deze code in.</translation>
    </message>
</context>
<context>
    <name>SignInSection</name>
    <message>
        <location filename="../../app/ui/common/signin_dialog.py" line="186"/>
        <source>Looking…</source>
        <translation>Even kijken…</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/signin_dialog.py" line="188"/>
        <source>Sign in…</source>
        <translation>Aanmelden…</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/signin_dialog.py" line="189"/>
        <source>Sign out</source>
        <translation>Afmelden</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/signin_dialog.py" line="212"/>
        <source>Signed in as {account}</source>
        <translation>Aangemeld als {account}</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/signin_dialog.py" line="214"/>
        <source>Nobody has signed in on this PC</source>
        <translation>Op deze pc is nog niemand aangemeld</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/signin_dialog.py" line="228"/>
        <source>Signed in as {account}. Press OK to connect.</source>
        <translation>Aangemeld als {account}. Klik op OK om te verbinden.</translation>
    </message>
</context>
<context>
    <name>Snackbar</name>
    <message>
        <location filename="../../app/ui/salesperson/snackbar.py" line="28"/>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
</context>
<context>
    <name>TouchDialog</name>
    <message>
        <location filename="../../app/ui/salesperson/touch_dialog.py" line="39"/>
        <source>Hello {name},</source>
        <translation>Goedendag {name},</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/touch_dialog.py" line="41"/>
        <source>Hello,</source>
        <translation>Goedendag,</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/touch_dialog.py" line="44"/>
        <source>you asked us about the {car}. I just tried to call you. When may I call you back?</source>
        <translation>u vroeg ons naar de {car}. Ik probeerde u net te bellen. Wanneer mag ik u terugbellen?</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/touch_dialog.py" line="49"/>
        <source>thank you for your question. I just tried to call you. When may I call you back?</source>
        <translation>dank voor uw vraag. Ik probeerde u net te bellen. Wanneer mag ik u terugbellen?</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/touch_dialog.py" line="54"/>
        <source>Kind regards, {me}</source>
        <translation>Met vriendelijke groet, {me}</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/touch_dialog.py" line="81"/>
        <source>Send a message</source>
        <translation>Stuur een bericht</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/touch_dialog.py" line="83"/>
        <source>No answer — send {name} a message?</source>
        <translation>Geen gehoor — {name} een bericht sturen?</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/touch_dialog.py" line="99"/>
        <source>WhatsApp: scan with your phone</source>
        <translation>WhatsApp: scan met je telefoon</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/touch_dialog.py" line="99"/>
        <source>WhatsApp sent</source>
        <translation>WhatsApp verstuurd</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/touch_dialog.py" line="100"/>
        <source>SMS: scan with your phone</source>
        <translation>Sms: scan met je telefoon</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/touch_dialog.py" line="100"/>
        <source>SMS sent</source>
        <translation>Sms verstuurd</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/touch_dialog.py" line="113"/>
        <source>No message</source>
        <translation>Geen bericht</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../app/ui/common/tray.py" line="37"/>
        <source>Open Leadpop</source>
        <translation>Leadpop openen</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/tray.py" line="46"/>
        <source>Quit</source>
        <translation>Afsluiten</translation>
    </message>
</context>
<context>
    <name>UnclaimedPanel</name>
    <message>
        <location filename="../../app/ui/salesperson/unclaimed_panel.py" line="62"/>
        <source>Take it</source>
        <translation>Ik pak hem</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/unclaimed_panel.py" line="63"/>
        <source>Alert me again</source>
        <translation>Toon weer als melding</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/unclaimed_panel.py" line="81"/>
        <source>Not taken yet ({n})</source>
        <translation>Nog niet genomen ({n})</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/unclaimed_panel.py" line="86"/>
        <source>waiting for opening · alerts {time}</source>
        <translation>wacht op openingstijd · melding om {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/salesperson/unclaimed_panel.py" line="90"/>
        <source>you said Not me · {time}</source>
        <translation>jij zei Niet ik · {time}</translation>
    </message>
</context>
</TS>
