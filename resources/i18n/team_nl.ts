<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>ConversionChart</name>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="295"/>
        <source>Conversion: % sold</source>
        <translation>Conversie: % verkocht</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="303"/>
        <source>Red line: {low}% is the least a salesperson is expected to sell. Green line: above {high}%, an internal contact centre pays for itself.</source>
        <translation>Rode lijn: {low}% is het minimum dat een verkoper hoort te verkopen. Groene lijn: boven {high}% verdient een intern contactcenter zichzelf terug.</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="308"/>
        <source>No leads in this period</source>
        <translation>Geen leads in deze periode</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="313"/>
        <source>% sold</source>
        <translation>% verkocht</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="332"/>
        <source>Minimum per salesperson ({n}%)</source>
        <translation>Minimum per verkoper ({n}%)</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="333"/>
        <source>Contact centre pays off ({n}%)</source>
        <translation>Contactcenter rendabel ({n}%)</translation>
    </message>
</context>
<context>
    <name>TeamCharts</name>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="169"/>
        <source>Time to first call</source>
        <translation>Tijd tot eerste belpoging</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="171"/>
        <source>Share of each salesperson&apos;s leads by how soon the first call came.</source>
        <translation>Aandeel van de leads per verkoper, naar hoe snel de eerste belpoging kwam.</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="173"/>
        <source>Calls on leads never reached</source>
        <translation>Belpogingen bij nooit bereikte leads</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="176"/>
        <source>After voicemail, most salespeople never make the third call. Green is the share that got all three.</source>
        <translation>Na een voicemail doen de meeste verkopers nooit een derde poging. Groen is het deel dat alle drie de pogingen kreeg.</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="180"/>
        <source>From lead to sale</source>
        <translation>Van lead tot verkoop</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="181"/>
        <source>Leads of the period, and how many got how far.</source>
        <translation>De leads van deze periode en hoe ver ze kwamen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="182"/>
        <source>Speed to first call by hour of the day</source>
        <translation>Snelheid eerste belpoging per uur van de dag</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="184"/>
        <source>By the hour the lead landed; a lead from the evening counts from opening.</source>
        <translation>Naar het uur waarop de lead binnenkwam; een lead van &apos;s avonds telt vanaf openingstijd.</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="189"/>
        <source>≤ 2 min</source>
        <translation>≤ 2 min</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="190"/>
        <source>2–5 min</source>
        <translation>2–5 min</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="191"/>
        <source>5–30 min</source>
        <translation>5–30 min</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="192"/>
        <source>30 min–2 h</source>
        <translation>30 min–2 u</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="193"/>
        <source>later</source>
        <translation>later</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="194"/>
        <source>never</source>
        <translation>nooit</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="200"/>
        <source>No leads in this period</source>
        <translation>Geen leads in deze periode</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="203"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="210"/>
        <source>not called</source>
        <translation>niet gebeld</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="211"/>
        <source>1 call</source>
        <translation>1 poging</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="212"/>
        <source>2 calls</source>
        <translation>2 pogingen</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="213"/>
        <source>3 or more</source>
        <translation>3 of meer</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="219"/>
        <source>Every customer of this period was reached</source>
        <translation>Elke klant van deze periode is bereikt</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="247"/>
        <location filename="../../app/ui/team/team_charts.py" line="254"/>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="247"/>
        <source>Reached</source>
        <translation>Bereikt</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="247"/>
        <source>Appointment</source>
        <translation>Afspraak</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="247"/>
        <source>Sold</source>
        <translation>Verkocht</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_charts.py" line="280"/>
        <source>hour</source>
        <translation>uur</translation>
    </message>
</context>
<context>
    <name>TeamTab</name>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="494"/>
        <source>available</source>
        <translation>beschikbaar</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="495"/>
        <source>with a customer</source>
        <translation>bij een klant</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="496"/>
        <source>on a break</source>
        <translation>met pauze</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="500"/>
        <source>Present: nobody</source>
        <translation>Aanwezig: niemand</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="501"/>
        <source>Present: {people}</source>
        <translation>Aanwezig: {people}</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="524"/>
        <source>Missed call: the customer phoned and nobody answered</source>
        <translation>Gemiste oproep: de klant belde en niemand nam op</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="412"/>
        <source>All branches</source>
        <translation>Alle vestigingen</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="414"/>
        <location filename="../../app/ui/team/team_tab.py" line="696"/>
        <source>Branch</source>
        <translation>Vestiging</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="712"/>
        <source>Group</source>
        <translation>Groep</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="714"/>
        <source>No branch</source>
        <translation>Zonder vestiging</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="192"/>
        <location filename="../../app/ui/team/team_tab.py" line="657"/>
        <location filename="../../app/ui/team/team_tab.py" line="679"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="202"/>
        <source>Live board</source>
        <translation>Live-overzicht</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="203"/>
        <source>KPIs</source>
        <translation>KPI&apos;s</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="205"/>
        <source>Charts</source>
        <translation>Grafieken</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="225"/>
        <source>Customer</source>
        <translation>Klant</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="226"/>
        <source>Car</source>
        <translation>Auto</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="227"/>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="228"/>
        <location filename="../../app/ui/team/team_tab.py" line="262"/>
        <source>Landed</source>
        <translation>Binnen</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="229"/>
        <source>Countdown</source>
        <translation>Teller</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="230"/>
        <source>Not me</source>
        <translation>Niet ik</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="234"/>
        <source>How many salespeople clicked “Not me” on this lead</source>
        <translation>Hoeveel verkopers bij deze lead op „Niet ik” klikten</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="241"/>
        <source>Assign to…</source>
        <translation>Toewijzen aan…</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="244"/>
        <source>Unclaimed leads</source>
        <translation>Leads zonder eigenaar</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="259"/>
        <source>Salesperson / customer</source>
        <translation>Verkoper / klant</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="260"/>
        <source>Attempts</source>
        <translation>Pogingen</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="261"/>
        <source>Next attempt</source>
        <translation>Volgende poging</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="275"/>
        <source>Reassign…</source>
        <translation>Overdragen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="277"/>
        <location filename="../../app/ui/team/team_tab.py" line="926"/>
        <source>Release to team</source>
        <translation>Terug naar het team</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="279"/>
        <source>Forget this customer…</source>
        <translation>Deze klant vergeten…</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="282"/>
        <source>Open leads per salesperson</source>
        <translation>Open leads per verkoper</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="300"/>
        <location filename="../../app/ui/team/team_tab.py" line="631"/>
        <source>Salesperson</source>
        <translation>Verkoper</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="301"/>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="301"/>
        <source>Leads that landed in the period</source>
        <translation>Leads die in deze periode binnenkwamen</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="303"/>
        <source>Median to first call</source>
        <translation>Mediaan 1e belpoging</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="305"/>
        <source>Half of the called leads got their first call sooner than this, counted from the landing (or from opening time)</source>
        <translation>De helft van de gebelde leads kreeg de eerste belpoging sneller dan dit, gerekend vanaf binnenkomst (of vanaf openingstijd)</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="309"/>
        <source>% within 2 min</source>
        <translation>% binnen 2 min</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="309"/>
        <source>Leads whose first call came within 2 minutes</source>
        <translation>Leads met de eerste belpoging binnen 2 minuten</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="310"/>
        <source>% reached</source>
        <translation>% bereikt</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="310"/>
        <source>Leads where the customer was reached</source>
        <translation>Leads waarbij de klant bereikt is</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="312"/>
        <source>% 3 attempts</source>
        <translation>% 3 pogingen</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="313"/>
        <source>Of the leads never reached: how many got all three calls</source>
        <translation>Van de nooit bereikte leads: hoeveel alle drie de belpogingen kregen</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="315"/>
        <source>% appointment</source>
        <translation>% afspraak</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="315"/>
        <source>Leads that led to an appointment</source>
        <translation>Leads die tot een afspraak leidden</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="316"/>
        <source>% sold</source>
        <translation>% verkocht</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="316"/>
        <source>Leads that were sold: the conversion</source>
        <translation>Leads die verkocht zijn: de conversie</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="336"/>
        <source>Per salesperson</source>
        <translation>Per verkoper</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="337"/>
        <source>Per routing mode</source>
        <translation>Per verdeelwijze</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="339"/>
        <source>How the leads were offered (Settings: Who gets a lead), each with its KPIs</source>
        <translation>Hoe de leads werden aangeboden (Instellingen: Wie krijgt een lead), elk met zijn cijfers</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="351"/>
        <source>Reference lines</source>
        <translation>Referentielijnen</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="353"/>
        <source>Minimum per salesperson</source>
        <translation>Minimum per verkoper</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="354"/>
        <source>Contact centre pays off</source>
        <translation>Contactcenter rendabel</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="357"/>
        <source>A salesperson is expected to sell at least the minimum. Above the second line, an internal contact centre would earn back what it costs.</source>
        <translation>Een verkoper hoort minstens het minimum te verkopen. Boven de tweede lijn verdient een intern contactcenter terug wat het kost.</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="390"/>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="391"/>
        <source>This week</source>
        <translation>Deze week</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="392"/>
        <source>Last week</source>
        <translation>Vorige week</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="393"/>
        <source>This month</source>
        <translation>Deze maand</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="394"/>
        <source>Last month</source>
        <translation>Vorige maand</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="395"/>
        <source>Custom…</source>
        <translation>Aangepast…</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="425"/>
        <source>Export KPIs (CSV)</source>
        <translation>KPI&apos;s exporteren (CSV)</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="427"/>
        <source>Export per lead (CSV)</source>
        <translation>Per lead exporteren (CSV)</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="433"/>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="530"/>
        <source>{n} open</source>
        <translation>{n} open</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="546"/>
        <source>Unclaimed leads ({n})</source>
        <translation>Leads zonder eigenaar ({n})</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="549"/>
        <source>Open leads per salesperson ({n})</source>
        <translation>Open leads per verkoper ({n})</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="565"/>
        <source>starts {time}</source>
        <translation>start {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="593"/>
        <source>{n} overdue</source>
        <translation>{n} te laat</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="602"/>
        <source>attempt {n} overdue since {time}</source>
        <translation>poging {n} te laat sinds {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="603"/>
        <source>attempt {n} at {time}</source>
        <translation>poging {n} om {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="626"/>
        <source>Routing mode</source>
        <translation>Verdeelwijze</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="637"/>
        <source>Everyone at once</source>
        <translation>Iedereen tegelijk</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="638"/>
        <source>One at a time, then everyone</source>
        <translation>Eén voor één, dan iedereen</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="639"/>
        <source>In turn, then everyone</source>
        <translation>Om de beurt, dan iedereen</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="640"/>
        <source>By source</source>
        <translation>Per bron</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="641"/>
        <source>Not recorded</source>
        <translation>Niet vastgelegd</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="772"/>
        <source>Lead waiting over 2 minutes</source>
        <translation>Lead wacht al meer dan 2 minuten</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="773"/>
        <source>{name} ({source}) — nobody has taken it yet</source>
        <translation>{name} ({source}) — nog door niemand opgepakt</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="777"/>
        <source>{n} leads waiting over 2 minutes</source>
        <translation>{n} leads wachten al meer dan 2 minuten</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="791"/>
        <source>No data read yet — activity folder unreachable</source>
        <translation>Nog geen gegevens gelezen — activiteitenmap onbereikbaar</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="794"/>
        <source>Data from {time} — activity folder unreachable</source>
        <translation>Gegevens van {time} — activiteitenmap onbereikbaar</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="802"/>
        <source>Given to {name}</source>
        <translation>Overgedragen aan {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="804"/>
        <source>Released to the team</source>
        <translation>Teruggegeven aan het team</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="807"/>
        <source>Not done: {why}</source>
        <translation>Niet gelukt: {why}</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="812"/>
        <source>the lead is no longer waiting in the inbox</source>
        <translation>de lead wacht niet meer in de inbox</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="813"/>
        <source>no claim of this lead is known</source>
        <translation>er is geen claim van deze lead bekend</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="814"/>
        <source>the lead&apos;s document is not known</source>
        <translation>het document van deze lead is onbekend</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="815"/>
        <source>the lead could not be taken back</source>
        <translation>de lead kon niet worden teruggenomen</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="816"/>
        <source>{owner} took the lead first</source>
        <translation>{owner} had de lead al gepakt</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="818"/>
        <source>a colleague took the lead first</source>
        <translation>een collega had de lead al gepakt</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="819"/>
        <source>inbox unreachable ({error})</source>
        <translation>inbox onbereikbaar ({error})</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="825"/>
        <source>Export failed: {why}</source>
        <translation>Exporteren mislukt: {why}</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="827"/>
        <source>Saved {path}</source>
        <translation>Opgeslagen: {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="897"/>
        <source>Assign lead</source>
        <translation>Lead toewijzen</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="898"/>
        <source>Give {name} to:</source>
        <translation>{name} geven aan:</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="912"/>
        <source>Reassign lead</source>
        <translation>Lead overdragen</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="913"/>
        <source>Give {name} (now with {owner}) to:</source>
        <translation>{name} (nu bij {owner}) geven aan:</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="927"/>
        <source>Give {name} back to the team? Everyone gets the alert again.</source>
        <translation>{name} teruggeven aan het team? Iedereen krijgt de melding opnieuw.</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="942"/>
        <source>Forget this customer</source>
        <translation>Deze klant vergeten</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="944"/>
        <source>Erase everything Leadpop holds on {name}, in all their leads: name, phone, e-mail, address and call notes, on this PC, in the shared inbox and on every other PC at its next poll. The team figures stay as they are (the leads, calls and sales still count).

This can&apos;t be undone.</source>
        <translation>Alles wissen wat Leadpop over {name} bewaart, in al zijn of haar leads: naam, telefoonnummer, e-mailadres, adres en gespreksnotities, op deze pc, in de gedeelde inbox en op elke andere pc zodra die de inbox weer leest. De teamcijfers blijven zoals ze zijn (de leads, gesprekken en verkopen tellen nog mee).

Dit kan niet ongedaan worden gemaakt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="958"/>
        <source>The customer was not forgotten: {why}</source>
        <translation>De klant is niet vergeten: {why}</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="962"/>
        <source>Customer forgotten: {leads} lead(s), {documents} document(s) in the inbox, {events} event(s) of this PC&apos;s activity log, {notes} call note(s).</source>
        <translation>Klant vergeten: {leads} lead(s), {documents} document(en) in de inbox, {events} regel(s) in het activiteitenlogboek van deze pc, {notes} gespreksnotitie(s).</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="975"/>
        <source>Export KPIs</source>
        <translation>KPI&apos;s exporteren</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="978"/>
        <source>Export per lead</source>
        <translation>Per lead exporteren</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="1100"/>
        <source>{h} h {m} min</source>
        <translation>{h} u {m} min</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="1103"/>
        <source>{m} min {s} s</source>
        <translation>{m} min {s} s</translation>
    </message>
    <message>
        <location filename="../../app/ui/team/team_tab.py" line="1105"/>
        <source>{s} s</source>
        <translation>{s} s</translation>
    </message>
</context>
</TS>
