<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../app/ui/common/about_dialog.py" line="41"/>
        <location filename="../../app/ui/common/about_dialog.py" line="51"/>
        <source>About Leadpop</source>
        <translation>Over Leadpop</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/about_dialog.py" line="58"/>
        <source>Version {version}</source>
        <translation>Versie {version}</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/about_dialog.py" line="62"/>
        <source>A new online lead pops up at once, with a two-minute countdown.</source>
        <translation>Een nieuwe online lead verschijnt meteen, met een aftelklok van twee minuten.</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/about_dialog.py" line="93"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/about_dialog.py" line="95"/>
        <location filename="../../app/ui/common/about_dialog.py" line="101"/>
        <source>Copy details</source>
        <translation>Gegevens kopiëren</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/about_dialog.py" line="96"/>
        <source>For an e-mail to IT support</source>
        <translation>Voor een e-mail aan de IT-afdeling</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/about_dialog.py" line="116"/>
        <source>Data folder</source>
        <translation>Gegevensmap</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/about_dialog.py" line="117"/>
        <location filename="../../app/ui/common/about_dialog.py" line="127"/>
        <source>Lead inbox</source>
        <translation>Lead-inbox</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/about_dialog.py" line="118"/>
        <source>Log file</source>
        <translation>Logbestand</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/about_dialog.py" line="118"/>
        <source>none (the folder can&apos;t be written)</source>
        <translation>geen (de map is niet schrijfbaar)</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/about_dialog.py" line="119"/>
        <source>Your settings</source>
        <translation>Je instellingen</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/about_dialog.py" line="120"/>
        <source>IT settings</source>
        <translation>IT-instellingen</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/about_dialog.py" line="120"/>
        <source>none (no leadpop.toml)</source>
        <translation>geen (geen leadpop.toml)</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/about_dialog.py" line="121"/>
        <source>Set by IT</source>
        <translation>Vastgezet door IT</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/about_dialog.py" line="128"/>
        <source>Opening hours</source>
        <translation>Openingstijden</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/about_dialog.py" line="129"/>
        <source>Time zone</source>
        <translation>Tijdzone</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/about_dialog.py" line="130"/>
        <source>Phone numbers from</source>
        <translation>Land van de telefoonnummers</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/about_dialog.py" line="131"/>
        <source>Call attempt 2</source>
        <translation>Belpoging 2</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/about_dialog.py" line="132"/>
        <source>Call attempt 3</source>
        <translation>Belpoging 3</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/about_dialog.py" line="133"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../../app/ui/common/about_dialog.py" line="145"/>
        <source>Copied</source>
        <translation>Gekopieerd</translation>
    </message>
</context>
</TS>
