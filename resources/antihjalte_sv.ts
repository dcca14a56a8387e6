<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Free software under the %1 licence.</source>
        <translation>Fri programvara under licensen %1.</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>Uppgifter:</translation>
    </message>
    <message>
        <source>Logs:</source>
        <translation>Loggar:</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Öppna mappen</translation>
    </message>
    <message>
        <source>Set up again…</source>
        <translation>Ställ in igen…</translation>
    </message>
    <message>
        <source>Copy diagnostics</source>
        <translation>Kopiera felsökningsuppgifter</translation>
    </message>
    <message>
        <source>Versions, platform, tray and notifications, for a bug report. Nothing personal.</source>
        <translation>Versioner, plattform, systemfält och aviseringar, till en felrapport. Inget personligt.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Diagnostics copied to the clipboard.</source>
        <translation>Felsökningsuppgifterna är kopierade.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>No system tray was found, so Antihjälte runs in this window. Closing it quits the app.</source>
        <translation>Det finns inget systemfält, så Antihjälte körs i det här fönstret. Stänger du fönstret avslutas appen.</translation>
    </message>
    <message>
        <source>About Antihjälte</source>
        <translation>Om Antihjälte</translation>
    </message>
    <message>
        <source>Plan protected antihjälte days for reflection, reading up, planning and analysis; pass on quick tasks; and keep your cadence.</source>
        <translation>Planera skyddade antihjältedagar för reflektion, kompetensutveckling, planering och analys. Bolla vidare snabba puckar och håll takten.</translation>
    </message>
    <message>
        <source>Start at login could not be changed: %1</source>
        <translation>Det gick inte att ändra start vid inloggning: %1</translation>
    </message>
</context>
<context>
    <name>DayEditor</name>
    <message>
        <source>to</source>
        <translation>till</translation>
    </message>
</context>
<context>
    <name>FeedSync</name>
    <message>
        <source>the sync failed</source>
        <translation>synkningen misslyckades</translation>
    </message>
</context>
<context>
    <name>FirstRunWindow</name>
    <message>
        <source>Antihjälte – set up</source>
        <translation>Antihjälte – kom igång</translation>
    </message>
    <message>
        <source>Welcome! A few answers make the auto-reply, the handover and the team feed yours. You can change everything later under Settings.</source>
        <translation>Välkommen! Med några svar blir autosvaret, överlämningen och teamkalendern dina egna. Du kan ändra allt senare under Inställningar.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ditt namn</translation>
    </message>
    <message>
        <source>Your e-mail</source>
        <translation>Din mejladress</translation>
    </message>
    <message>
        <source>Your phone number</source>
        <translation>Ditt telefonnummer</translation>
    </message>
    <message>
        <source>Your team</source>
        <translation>Ditt team</translation>
    </message>
    <message>
        <source>Who usually covers for you</source>
        <translation>Vem som brukar täcka upp för dig</translation>
    </message>
    <message>
        <source>A name from your team, or type one</source>
        <translation>Ett namn ur teamet, eller skriv ett</translation>
    </message>
    <message>
        <source>Where the team feed is</source>
        <translation>Var teamkalendern finns</translation>
    </message>
    <message>
        <source>A shared folder&apos;s file, or a WebDAV or CalDAV address</source>
        <translation>En fil i en delad mapp, eller en WebDAV- eller CalDAV-adress</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Välj mapp…</translation>
    </message>
    <message>
        <source>Sync once</source>
        <translation>Synka nu</translation>
    </message>
    <message>
        <source>An antihjälte day every … weeks (0: no cadence)</source>
        <translation>En antihjältedag var … :e vecka (0: ingen takt)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemspråk</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;Mejl:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>One person per row: name, e-mail, phone.</source>
        <translation>En person per rad: namn, mejl, telefon.</translation>
    </message>
    <message>
        <source>Your &amp;team:</source>
        <translation>Ditt t&amp;eam:</translation>
    </message>
    <message>
        <source>Who usually &amp;covers for you:</source>
        <translation>Vem brukar t&amp;äcka upp för dig:</translation>
    </message>
    <message>
        <source>Empty: a file in your own profile, until the team shares one.</source>
        <translation>Tomt: en fil i din egen profil, tills teamet delar en.</translation>
    </message>
    <message>
        <source>Team &amp;feed:</source>
        <translation>Team&amp;kalender:</translation>
    </message>
    <message>
        <source>An antihjälte day every</source>
        <translation>En antihjältedag var</translation>
    </message>
    <message>
        <source>weeks (0: no cadence)</source>
        <translation>:e vecka (0: ingen takt)</translation>
    </message>
    <message>
        <source>Ca&amp;dence:</source>
        <translation>T&amp;akt:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <source>&amp;Skip</source>
        <translation>&amp;Hoppa över</translation>
    </message>
    <message>
        <source>Nothing here is saved; the setup is not shown again by itself.</source>
        <translation>Inget här sparas, och frågorna visas inte igen av sig själva.</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Klar</translation>
    </message>
    <message>
        <source>This is not an e-mail address.</source>
        <translation>Det här är ingen mejladress.</translation>
    </message>
    <message>
        <source>A feed address must not hold a user name or password. Put them under Settings → Team feed.</source>
        <translation>En adress till teamkalendern får inte innehålla användarnamn eller lösenord. Ange dem under Inställningar → Teamkalender.</translation>
    </message>
    <message>
        <source>It was not saved.</source>
        <translation>Den sparades inte.</translation>
    </message>
    <message>
        <source>The team&apos;s shared folder</source>
        <translation>Teamets delade mapp</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synkar…</translation>
    </message>
    <message>
        <source>The sync did not work: %1</source>
        <translation>Synkningen misslyckades: %1</translation>
    </message>
    <message>
        <source>In sync. The feed has no colleague&apos;s antihjälte days yet.</source>
        <translation>Synkad. Teamkalendern har inga antihjältedagar för kollegor än.</translation>
    </message>
    <message numerus="yes">
        <source>%n colleague(s)</source>
        <translation>
            <numerusform>%n kollega</numerusform>
            <numerusform>%n kollegor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In sync. Found %n antihjälte day(s) of %1.</source>
        <translation>
            <numerusform>Synkad. Hittade %n antihjältedag för %1.</numerusform>
            <numerusform>Synkad. Hittade %n antihjältedagar för %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FocusCalendar</name>
    <message>
        <source>today</source>
        <translation>i dag</translation>
    </message>
    <message>
        <source>planned antihjälte day</source>
        <translation>planerad antihjältedag</translation>
    </message>
    <message>
        <source>antihjälte day, done</source>
        <translation>genomförd antihjältedag</translation>
    </message>
    <message>
        <source>past</source>
        <translation>passerad</translation>
    </message>
    <message>
        <source>public holiday: %1</source>
        <translation>röd dag: %1</translation>
    </message>
    <message>
        <source>weekend</source>
        <translation>helg</translation>
    </message>
    <message numerus="yes">
        <source>%n colleague(s) on an antihjälte day</source>
        <translation>
            <numerusform>%n kollega med antihjältedag</numerusform>
            <numerusform>%n kollegor med antihjältedag</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n colleague(s) away</source>
        <translation>
            <numerusform>%n kollega borta</numerusform>
            <numerusform>%n kollegor borta</numerusform>
        </translation>
    </message>
    <message>
        <source>week %1</source>
        <translation>vecka %1</translation>
    </message>
    <message>
        <source>Days of the month</source>
        <translation>Månadens dagar</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Föregående månad</translation>
    </message>
    <message>
        <source>Previous month (Page Up)</source>
        <translation>Föregående månad (Page Up)</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Nästa månad</translation>
    </message>
    <message>
        <source>Next month (Page Down)</source>
        <translation>Nästa månad (Page Down)</translation>
    </message>
    <message>
        <source>Month: %1</source>
        <translation>Månad: %1</translation>
    </message>
    <message>
        <source>Year: %1</source>
        <translation>År: %1</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Take back after %1</source>
        <translation>Ta tillbaka efter %1</translation>
    </message>
    <message>
        <source>Handover for %1</source>
        <translation>Överlämning inför %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Läge</translation>
    </message>
    <message>
        <source>Copy handover message</source>
        <translation>Kopiera överlämningsmeddelandet</translation>
    </message>
    <message>
        <source>A text for mail or chat: what goes to whom, and until when.</source>
        <translation>En text för mejl eller chatt: vad som går till vem och till när.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klart</translation>
    </message>
    <message>
        <source>Mark the reminder as done</source>
        <translation>Markera påminnelsen som klar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>No checklist items. Add them in the settings.</source>
        <translation>Checklistan är tom. Lägg till punkter i inställningarna.</translation>
    </message>
    <message>
        <source>Cover colleague</source>
        <translation>Kollega som täcker upp</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Language of the auto-reply</source>
        <translation>Autosvarets språk</translation>
    </message>
    <message>
        <source>Quick tasks to pass on</source>
        <translation>Snabba puckar att bolla vidare</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Uppgift</translation>
    </message>
    <message>
        <source>Task to pass on</source>
        <translation>Uppgift att bolla vidare</translation>
    </message>
    <message>
        <source>To colleague</source>
        <translation>Till kollega</translation>
    </message>
    <message>
        <source>Colleague who takes the task</source>
        <translation>Kollegan som tar uppgiften</translation>
    </message>
    <message>
        <source>Pass on</source>
        <translation>Bolla vidare</translation>
    </message>
    <message>
        <source>Nothing passed on yet.</source>
        <translation>Inget har bollats vidare än.</translation>
    </message>
    <message>
        <source>Ticked when the colleague has taken it</source>
        <translation>Bockas i när kollegan har tagit den</translation>
    </message>
    <message>
        <source>Remove task</source>
        <translation>Ta bort uppgiften</translation>
    </message>
    <message>
        <source>What you handed over</source>
        <translation>Det här lämnade du över</translation>
    </message>
    <message>
        <source>%1 covered for you and had your phone.</source>
        <translation>%1 täckte upp för dig och hade din telefon.</translation>
    </message>
    <message>
        <source>Switch off the auto-reply and take the phone back.</source>
        <translation>Stäng av autosvaret och ta tillbaka telefonen.</translation>
    </message>
    <message>
        <source>You passed on no quick tasks.</source>
        <translation>Du bollade inte vidare några snabba puckar.</translation>
    </message>
    <message>
        <source>%1 (with %2)</source>
        <translation>%1 (hos %2)</translation>
    </message>
    <message>
        <source>Tick when you have taken it back</source>
        <translation>Bocka i när du har tagit tillbaka den</translation>
    </message>
    <message>
        <source>(not in the team list)</source>
        <translation>(finns inte i teamlistan)</translation>
    </message>
    <message>
        <source>The handover message is copied: paste it in a mail or chat.</source>
        <translation>Överlämningsmeddelandet är kopierat. Klistra in det i ett mejl eller en chatt.</translation>
    </message>
    <message>
        <source>Write the task and the colleague who takes it.</source>
        <translation>Skriv uppgiften och vilken kollega som tar den.</translation>
    </message>
</context>
<context>
    <name>HeatmapWidget</name>
    <message>
        <source>Year heatmap</source>
        <translation>Året dag för dag</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Antihjälte – help</source>
        <translation>Antihjälte – hjälp</translation>
    </message>
    <message>
        <source>Set up again…</source>
        <translation>Ställ in igen…</translation>
    </message>
    <message>
        <source>The first-run questions: name, team, feed, cadence and language.</source>
        <translation>Frågorna från första starten: namn, team, teamkalender, takt och språk.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>The words</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>Antihjälte day</source>
        <translation>Antihjältedag</translation>
    </message>
    <message>
        <source>A day blocked for reflection, reading up, planning and analysis. Your calendar shows you as busy, the auto-reply answers your mail and a colleague covers for you.</source>
        <translation>En dag som är blockerad för reflektion, inläsning, planering och analys. Kalendern visar dig som upptagen, autosvaret svarar på dina mejl och en kollega täcker upp för dig.</translation>
    </message>
    <message>
        <source>Hero of the week</source>
        <translation>Veckans hjälte</translation>
    </message>
    <message>
        <source>The colleague who does the unit&apos;s shared chores that week, so the others can keep their antihjälte days. The team feed says whose week it is.</source>
        <translation>Kollegan som tar enhetens gemensamma uppgifter den veckan, så att de andra kan hålla sina antihjältedagar. Teamkalendern visar vems vecka det är.</translation>
    </message>
    <message>
        <source>Quick tasks</source>
        <translation>Snabba puckar</translation>
    </message>
    <message>
        <source>Small urgent requests that eat a day. On an antihjälte day you pass them on to a colleague and take them back afterwards.</source>
        <translation>Små brådskande ärenden som äter upp en dag. På en antihjältedag bollar du vidare dem till en kollega och tar tillbaka dem efteråt.</translation>
    </message>
    <message>
        <source>How a day goes</source>
        <translation>Så går en dag till</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Före</translation>
    </message>
    <message>
        <source>Plan the day in the planner (Plan focus days… in the tray menu). The workday before, a reminder opens the handover: switch on the auto-reply, forward your phone, pass on your quick tasks and tell the one who covers for you.</source>
        <translation>Planera dagen i planeringen (Planera antihjältedagar… i menyn i systemfältet). Arbetsdagen före påminns du om överlämningen: slå på autosvaret, hänvisa telefonen, bolla vidare dina snabba puckar och säg till den som täcker upp för dig.</translation>
    </message>
    <message>
        <source>On the day</source>
        <translation>Under dagen</translation>
    </message>
    <message>
        <source>In the morning a reminder asks what you want to do with the day; write it in the journal if you like. Keep mail and chat closed.</source>
        <translation>På morgonen frågar en påminnelse vad du vill göra med dagen – skriv det gärna i dagboken. Håll mejl och chatt stängda.</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Efter</translation>
    </message>
    <message>
        <source>At the end of the day a reminder asks you to reflect: what you learned and what you will change. The next workday, take back your tasks and your phone and switch off the auto-reply.</source>
        <translation>I slutet av dagen påminns du om att reflektera: vad du lärde dig och vad du vill ändra. Nästa arbetsdag tar du tillbaka dina uppgifter och din telefon och stänger av autosvaret.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Kortkommandon</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Piltangenterna</translation>
    </message>
    <message>
        <source>Planner: move between days</source>
        <translation>Planeringen: gå mellan dagar</translation>
    </message>
    <message>
        <source>Planner: the month before or after</source>
        <translation>Planeringen: månaden före eller efter</translation>
    </message>
    <message>
        <source>Planner: back to today</source>
        <translation>Planeringen: tillbaka till i dag</translation>
    </message>
    <message>
        <source>Planner: plan the chosen day, or open it</source>
        <translation>Planeringen: planera den valda dagen eller öppna den</translation>
    </message>
    <message>
        <source>Planner: undo the last change of the plan</source>
        <translation>Planeringen: ångra den senaste ändringen</translation>
    </message>
    <message>
        <source>Planner: redo</source>
        <translation>Planeringen: gör om</translation>
    </message>
    <message>
        <source>Close the window</source>
        <translation>Stäng fönstret</translation>
    </message>
    <message>
        <source>Journal: new entry</source>
        <translation>Dagboken: ny anteckning</translation>
    </message>
    <message>
        <source>Journal: search</source>
        <translation>Dagboken: sök</translation>
    </message>
    <message>
        <source>Settings: save the field</source>
        <translation>Inställningar: spara fältet</translation>
    </message>
    <message>
        <source>Where your data lives</source>
        <translation>Var dina uppgifter finns</translation>
    </message>
    <message>
        <source>Everything is kept in this profile&apos;s folders on this computer:</source>
        <translation>Allt sparas i den här profilens mappar på den här datorn:</translation>
    </message>
    <message>
        <source>Data (the plan, the journal, the team feed&apos;s copy)</source>
        <translation>Data (planen, dagboken och kopian av teamkalendern)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>Log files</source>
        <translation>Loggfiler</translation>
    </message>
    <message>
        <source>What is shared with the team</source>
        <translation>Det här delas med teamet</translation>
    </message>
    <message>
        <source>The team feed gets the dates of your antihjälte days and the hero weeks, shown with your name, your initials or just “Antihjälte” (Settings → Team feed). Your e-mail address is shared only with your full name.</source>
        <translation>Teamkalendern får datumen för dina antihjältedagar och hjälteveckorna, med ditt namn, dina initialer eller bara ”Antihjälte” (Inställningar → Teamkalender). Din mejladress delas bara tillsammans med ditt fullständiga namn.</translation>
    </message>
    <message>
        <source>What never leaves this computer</source>
        <translation>Det här lämnar aldrig datorn</translation>
    </message>
    <message>
        <source>Your journal, the notes of a day, its checklist, the tasks you pass on, who covers for you, the auto-reply text, your phone number and your settings.</source>
        <translation>Din dagbok, dagarnas anteckningar, checklistan, uppgifterna du bollar vidare, vem som täcker upp för dig, autosvarets text, ditt telefonnummer och dina inställningar.</translation>
    </message>
</context>
<context>
    <name>InsightsReport</name>
    <message>
        <source>Antihjälte days %1: insights</source>
        <translation>Antihjältedagar %1 – överblick</translation>
    </message>
    <message>
        <source>focus day kept</source>
        <translation>antihjältedag genomförd</translation>
    </message>
    <message>
        <source>focus day planned</source>
        <translation>antihjältedag planerad</translation>
    </message>
    <message>
        <source>away</source>
        <translation>borta</translation>
    </message>
    <message>
        <source>public holiday</source>
        <translation>helgdag</translation>
    </message>
    <message>
        <source>weekend</source>
        <translation>helg</translation>
    </message>
    <message>
        <source>workday</source>
        <translation>arbetsdag</translation>
    </message>
    <message>
        <source>reflection written</source>
        <translation>reflektion skriven</translation>
    </message>
    <message>
        <source>%1 planned, %2 kept, %3 moved, %4 removed</source>
        <translation>Planerade: %1, genomförda: %2, flyttade: %3, borttagna: %4</translation>
    </message>
    <message>
        <source>Reflections written on %1 of %2 kept days</source>
        <translation>Reflektion skriven för %1 av %2 genomförda dagar</translation>
    </message>
    <message numerus="yes">
        <source>longest gap %n workday(s)</source>
        <translation>
            <numerusform>längsta uppehåll %n arbetsdag</numerusform>
            <numerusform>längsta uppehåll %n arbetsdagar</numerusform>
        </translation>
    </message>
    <message>
        <source>No cadence set</source>
        <translation>Ingen takt vald</translation>
    </message>
    <message>
        <source>%1 of the days it asked for</source>
        <translation>%1 av dagarna som takten krävde</translation>
    </message>
    <message numerus="yes">
        <source>One day every %n week(s)</source>
        <translation>
            <numerusform>En dag varje vecka</numerusform>
            <numerusform>En dag var %n:e vecka</numerusform>
        </translation>
    </message>
    <message>
        <source>Tasks passed on: %1, taken back: %2</source>
        <translation>Uppgifter bollade vidare: %1, tagna tillbaka: %2</translation>
    </message>
    <message>
        <source>%1: %2 kept of %3 planned, %4 reflections</source>
        <translation>%1: genomförda %2 av %3 planerade, reflektioner: %4</translation>
    </message>
    <message>
        <source>Nothing shared in the team feed for this year</source>
        <translation>Inget delat i teamkalendern för det här året</translation>
    </message>
    <message>
        <source>%1: %2 focus days, %3 hero weeks</source>
        <translation>%1 – antihjältedagar: %2, hjälteveckor: %3</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Genomförd</translation>
    </message>
    <message>
        <source>Kept, with a reflection</source>
        <translation>Genomförd, med reflektion</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planerad</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Borta</translation>
    </message>
    <message>
        <source>Public holiday</source>
        <translation>Röd dag</translation>
    </message>
    <message>
        <source>Weekend</source>
        <translation>Helg</translation>
    </message>
    <message>
        <source>Workday</source>
        <translation>Arbetsdag</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>planerade</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>genomförda</translation>
    </message>
    <message>
        <source>reflection</source>
        <translation>reflektion</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Dagar</translation>
    </message>
    <message>
        <source>Hero weeks</source>
        <translation>Hjälteveckor</translation>
    </message>
    <message>
        <source>Made on %1</source>
        <translation>Skapad %1</translation>
    </message>
    <message>
        <source>Months: kept of planned, and reflections</source>
        <translation>Månader: genomförda av planerade, och reflektioner</translation>
    </message>
    <message>
        <source>The unit: focus days per month and hero weeks</source>
        <translation>Enheten: antihjältedagar per månad och hjälteveckor</translation>
    </message>
</context>
<context>
    <name>InsightsWindow</name>
    <message>
        <source>Antihjälte – insights</source>
        <translation>Antihjälte – överblick</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;År:</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>År</translation>
    </message>
    <message>
        <source>Save as &amp;picture…</source>
        <translation>Spara som &amp;bild…</translation>
    </message>
    <message>
        <source>Save the insights as a PNG picture</source>
        <translation>Spara överblicken som PNG-bild</translation>
    </message>
    <message>
        <source>Save as P&amp;DF report…</source>
        <translation>Spara som P&amp;DF-rapport…</translation>
    </message>
    <message>
        <source>Save the insights as a one-page PDF report</source>
        <translation>Spara överblicken som PDF-rapport på en sida</translation>
    </message>
    <message>
        <source>Focus days</source>
        <translation>Antihjältedagar</translation>
    </message>
    <message>
        <source>Reflections</source>
        <translation>Reflektioner</translation>
    </message>
    <message>
        <source>Cadence</source>
        <translation>Takt</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>Överlämning</translation>
    </message>
    <message>
        <source>The year, day by day</source>
        <translation>Året dag för dag</translation>
    </message>
    <message>
        <source>Selected day</source>
        <translation>Vald dag</translation>
    </message>
    <message>
        <source>Months: kept of planned, and reflections</source>
        <translation>Månader: genomförda av planerade, och reflektioner</translation>
    </message>
    <message>
        <source>Focus days by month</source>
        <translation>Antihjältedagar per månad</translation>
    </message>
    <message>
        <source>The unit: focus days per month and hero weeks</source>
        <translation>Enheten: antihjältedagar per månad och hjälteveckor</translation>
    </message>
    <message>
        <source>The unit&apos;s focus days and hero weeks</source>
        <translation>Enhetens antihjältedagar och hjälteveckor</translation>
    </message>
    <message>
        <source>The unit&apos;s figures</source>
        <translation>Enhetens siffror</translation>
    </message>
    <message>
        <source>PNG picture (*.png)</source>
        <translation>PNG-bild (*.png)</translation>
    </message>
    <message>
        <source>PDF report (*.pdf)</source>
        <translation>PDF-rapport (*.pdf)</translation>
    </message>
    <message>
        <source>Save insights</source>
        <translation>Spara överblicken</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Inte sparad</translation>
    </message>
</context>
<context>
    <name>JournalListModel</name>
    <message>
        <source>(untitled)</source>
        <translation>(utan rubrik)</translation>
    </message>
</context>
<context>
    <name>JournalWindow</name>
    <message>
        <source>Journal</source>
        <translation>Dagbok</translation>
    </message>
    <message>
        <source>Search: words match the start of words, &quot;quoted&quot; a phrase</source>
        <translation>Sök (ordbörjan; ”fras” inom citattecken)</translation>
    </message>
    <message>
        <source>Search the journal</source>
        <translation>Sök i dagboken</translation>
    </message>
    <message>
        <source>Show entries with this tag</source>
        <translation>Visa anteckningar med den här taggen</translation>
    </message>
    <message>
        <source>Show entries linked to a focus day</source>
        <translation>Visa anteckningar som hör till en antihjältedag</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Från och med</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Till och med</translation>
    </message>
    <message>
        <source>to</source>
        <translation>till</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>Ny anteckning</translation>
    </message>
    <message>
        <source>Intent…</source>
        <translation>Inför dagen…</translation>
    </message>
    <message>
        <source>A new entry with the questions before a focus day</source>
        <translation>En ny anteckning med frågorna inför en antihjältedag</translation>
    </message>
    <message>
        <source>Reflection…</source>
        <translation>Reflektion…</translation>
    </message>
    <message>
        <source>A new entry with the questions after a focus day</source>
        <translation>En ny anteckning med frågorna efter en antihjältedag</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Radera</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>Taggar, åtskilda med kommatecken</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Taggar</translation>
    </message>
    <message>
        <source>Entry text</source>
        <translation>Anteckningens text</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Skriv</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Förhandsvisning</translation>
    </message>
    <message>
        <source>Write or preview</source>
        <translation>Skriv eller förhandsgranska</translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation>&amp;Dagbok</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Sök</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>Exportera som Markdown…</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>Exportera som JSON…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importera…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Intent</source>
        <translation>Inför dagen</translation>
    </message>
    <message>
        <source>Reflection</source>
        <translation>Reflektion</translation>
    </message>
    <message>
        <source>{kind}, {day}</source>
        <translation>{kind}, {day}</translation>
    </message>
    <message>
        <source>Not saved: {reason}. Trying again in a moment.</source>
        <translation>Inte sparad: {reason}. Försöker igen om en stund.</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>Sparad kl. {time}</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>Radera anteckningen</translation>
    </message>
    <message>
        <source>Delete “{title}”? This cannot be undone.</source>
        <translation>Radera ”{title}”? Det går inte att ångra.</translation>
    </message>
    <message>
        <source>Focus day: {day}</source>
        <translation>Antihjältedag: {day}</translation>
    </message>
    <message>
        <source>New entry: saved as you type</source>
        <translation>Ny anteckning: sparas medan du skriver</translation>
    </message>
    <message>
        <source>Title (the first line if empty)</source>
        <translation>Rubrik (första raden om du lämnar den tom)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Sparar…</translation>
    </message>
    <message>
        <source>Found: {n}</source>
        <translation>Träffar: {n}</translation>
    </message>
    <message>
        <source>Entries: {n}</source>
        <translation>Anteckningar: {n}</translation>
    </message>
    <message>
        <source>Your journal is empty.

Start with {new} ({key}): a few lines on what you read, learned or want to change. Before an antihjälte day, {intent} asks what you intend; after it, {reflect} asks what it gave you.</source>
        <translation>Din dagbok är tom.

Börja med {new} ({key}): några rader om vad du har läst, lärt dig eller vill ändra. Före en antihjältedag frågar {intent} vad du tänker göra; efteråt frågar {reflect} vad dagen gav dig.</translation>
    </message>
    <message>
        <source>No entry matches the search and filters. Clear them to see every entry.</source>
        <translation>Ingen anteckning matchar sökningen och filtren. Töm dem så ser du alla anteckningar.</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Alla taggar</translation>
    </message>
    <message>
        <source>All entries</source>
        <translation>Alla anteckningar</translation>
    </message>
    <message>
        <source>Focus days only</source>
        <translation>Bara antihjältedagar</translation>
    </message>
    <message>
        <source>Focus day {day}</source>
        <translation>Antihjältedag {day}</translation>
    </message>
    <message>
        <source>Export the journal to folder</source>
        <translation>Exportera dagboken till en mapp</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportera</translation>
    </message>
    <message>
        <source>Exported to {dest} (entries: {n})</source>
        <translation>Exporterat till {dest} (anteckningar: {n})</translation>
    </message>
    <message>
        <source>Import journal entries</source>
        <translation>Importera dagboksanteckningar</translation>
    </message>
    <message>
        <source>Journal exports (*.json *.md);;All files (*)</source>
        <translation>Dagboksexporter (*.json *.md);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importera</translation>
    </message>
    <message>
        <source>Imported entries: {n}</source>
        <translation>Importerade anteckningar: {n}</translation>
    </message>
    <message>
        <source>(already in the journal: {n})</source>
        <translation>(fanns redan i dagboken: {n})</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Lägg till</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Ta bort</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Flytta &amp;upp</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Flytta &amp;ned</translation>
    </message>
</context>
<context>
    <name>MissingHint</name>
    <message>
        <source>Your name and who covers for you are missing – add them under Settings → You.</source>
        <translation>Ditt namn och vem som täcker upp för dig saknas – lägg till dem under Inställningar → Du.</translation>
    </message>
    <message>
        <source>Your name is missing, so the text ends unsigned – add it under Settings → You.</source>
        <translation>Ditt namn saknas, så texten slutar utan underskrift – lägg till det under Inställningar → Du.</translation>
    </message>
    <message>
        <source>Nobody covers for you on this day – name a colleague, or add who usually covers for you under Settings → You.</source>
        <translation>Ingen täcker upp för dig den här dagen – ange en kollega, eller lägg till vem som brukar täcka upp för dig under Inställningar → Du.</translation>
    </message>
    <message>
        <source>Open settings…</source>
        <translation>Öppna inställningarna…</translation>
    </message>
</context>
<context>
    <name>PlannerWindow</name>
    <message>
        <source>Antihjälte – plan focus days</source>
        <translation>Antihjälte – planera antihjältedagar</translation>
    </message>
    <message>
        <source>Month calendar</source>
        <translation>Månadskalender</translation>
    </message>
    <message>
        <source>Cadence</source>
        <translation>Takt</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>Å&amp;ngra</translation>
    </message>
    <message>
        <source>Plan &amp;anyway</source>
        <translation>Planera &amp;ändå</translation>
    </message>
    <message>
        <source>Plan the day anyway</source>
        <translation>Planera dagen ändå</translation>
    </message>
    <message>
        <source>Day status</source>
        <translation>Dagens läge</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Teamet</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>What the day is for</source>
        <translation>Vad dagen ska användas till</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Anteckning:</translation>
    </message>
    <message>
        <source>Who covers for you</source>
        <translation>Vem täcker upp för dig?</translation>
    </message>
    <message>
        <source>Co&amp;ver:</source>
        <translation>Täcker &amp;upp:</translation>
    </message>
    <message>
        <source>Handover checklist</source>
        <translation>Checklista för överlämningen</translation>
    </message>
    <message>
        <source>Auto-reply</source>
        <translation>Autosvar</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiera</translation>
    </message>
    <message>
        <source>Copy the auto-reply</source>
        <translation>Kopiera autosvaret</translation>
    </message>
    <message>
        <source>Auto-reply text</source>
        <translation>Autosvarets text</translation>
    </message>
    <message>
        <source>Weekend</source>
        <translation>Helg</translation>
    </message>
    <message>
        <source>Antihjälte day</source>
        <translation>Antihjältedag</translation>
    </message>
    <message>
        <source>Public holiday</source>
        <translation>Röd dag</translation>
    </message>
    <message>
        <source>Colleague on an antihjälte day</source>
        <translation>Kollega med antihjältedag</translation>
    </message>
    <message>
        <source>Colleague away</source>
        <translation>Kollega borta</translation>
    </message>
    <message>
        <source>%1 is in the past: plan a day from today on.</source>
        <translation>Det går inte att planera %1: den dagen har redan varit.</translation>
    </message>
    <message>
        <source>%1 is a weekend day: an antihjälte day is a workday.</source>
        <translation>Det går inte att planera %1: det är helg, och en antihjältedag är en arbetsdag.</translation>
    </message>
    <message>
        <source>%1 is a public holiday (%2): an antihjälte day is a workday.</source>
        <translation>Det går inte att planera %1: det är röd dag (%2), och en antihjältedag är en arbetsdag.</translation>
    </message>
    <message>
        <source>Planned %1.</source>
        <translation>Planerat: %1.</translation>
    </message>
    <message>
        <source>%1 is in your own week as hero of the week: quick tasks come to you then. Plan it anyway?</source>
        <translation>%1 ligger i veckan då du är veckans hjälte, och då kommer de snabba puckarna till dig. Vill du planera dagen ändå?</translation>
    </message>
    <message>
        <source>Your cover, %1, is away on %2.</source>
        <translation>%1, som ska täcka upp för dig, är borta %2.</translation>
    </message>
    <message>
        <source>Your cover, %1, has an antihjälte day on %2 too.</source>
        <translation>%1, som ska täcka upp för dig, har också antihjältedag %2.</translation>
    </message>
    <message>
        <source>Already on an antihjälte day on %1: %2 (the team&apos;s limit is %3).</source>
        <translation>Har redan antihjältedag %1: %2 (teamet tillåter högst %3 samma dag).</translation>
    </message>
    <message>
        <source>%1 is over: past days stay in the plan as history.</source>
        <translation>Det går inte att ta bort %1: dagar som har varit ligger kvar i planen som historik.</translation>
    </message>
    <message>
        <source>Took %1 out of the plan.</source>
        <translation>Tog bort %1 ur planen.</translation>
    </message>
    <message>
        <source>%1 is back in the plan.</source>
        <translation>Tillbaka i planen: %1.</translation>
    </message>
    <message>
        <source>Undid the change of %1.</source>
        <translation>Ångrade ändringen av %1.</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Teckenförklaring</translation>
    </message>
    <message>
        <source>Click a day or move with the arrow keys to see it. Double-click it, or press Enter or Space, to plan it or take it out.</source>
        <translation>Klicka på en dag eller gå dit med piltangenterna för att se den. Dubbelklicka, eller tryck Enter eller blanksteg, för att planera den eller ta bort den.</translation>
    </message>
    <message>
        <source>Team feed</source>
        <translation>Teamkalender</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>S&amp;ynka nu</translation>
    </message>
    <message>
        <source>Sync with the team feed now</source>
        <translation>Synka med teamkalendern nu</translation>
    </message>
    <message>
        <source>Why this day</source>
        <translation>Varför den här dagen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ångra</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z); redo with Ctrl+Shift+Z</source>
        <translation>Ångra (Ctrl+Z); gör om med Ctrl+Skift+Z</translation>
    </message>
    <message>
        <source>&amp;Move to…</source>
        <translation>&amp;Flytta till…</translation>
    </message>
    <message>
        <source>Move the day to another date</source>
        <translation>Flytta dagen till ett annat datum</translation>
    </message>
    <message>
        <source>What planning it means</source>
        <translation>Vad det innebär att planera den</translation>
    </message>
    <message>
        <source>Plan the day to write its note, choose who covers for you, and get its handover checklist and auto-reply.</source>
        <translation>Planera dagen för att skriva en anteckning, välja vem som täcker upp för dig och få checklistan för överlämningen och autosvaret.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klart</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>Past</source>
        <translation>Passerad</translation>
    </message>
    <message>
        <source>Move &amp;anyway</source>
        <translation>Flytta &amp;ändå</translation>
    </message>
    <message>
        <source>Choose the new day for %1 in the calendar, then press Move here, Enter or Space, or double-click it. Esc cancels.</source>
        <translation>Välj den nya dagen för %1 i kalendern och tryck sedan Flytta hit, Enter eller blanksteg, eller dubbelklicka på den. Esc avbryter.</translation>
    </message>
    <message>
        <source>%1 is no longer planned, so there is nothing to move.</source>
        <translation>%1 är inte längre planerad, så det finns inget att flytta.</translation>
    </message>
    <message>
        <source>%1 is already planned: choose a free day.</source>
        <translation>%1 är redan planerad – välj en ledig dag.</translation>
    </message>
    <message>
        <source>Moved %1 to %2.</source>
        <translation>Flyttade %1 till %2.</translation>
    </message>
    <message>
        <source>Plan suggested &amp;day: %1</source>
        <translation>Planera föreslagen &amp;dag: %1</translation>
    </message>
    <message>
        <source>It keeps your cadence (due by %1).</source>
        <translation>Du håller takten (senast %1).</translation>
    </message>
    <message>
        <source>Nobody in the team is away or on an antihjälte day then.</source>
        <translation>Ingen i teamet är borta eller har antihjältedag då.</translation>
    </message>
    <message>
        <source>Fewest colleagues out: %1.</source>
        <translation>Färst kollegor borta: %1.</translation>
    </message>
    <message>
        <source>Your cover, %1, is in.</source>
        <translation>%1, som täcker upp för dig, är på plats.</translation>
    </message>
    <message>
        <source>Not in your week as hero of the week.</source>
        <translation>Inte i din vecka som veckans hjälte.</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Det finns inget att ångra.</translation>
    </message>
    <message>
        <source>Nothing to redo.</source>
        <translation>Det finns inget att göra om.</translation>
    </message>
    <message>
        <source>Moved %1 back to %2.</source>
        <translation>Flyttade tillbaka %1 till %2.</translation>
    </message>
    <message>
        <source>Redid the change of %1.</source>
        <translation>Gjorde om ändringen av %1.</translation>
    </message>
    <message>
        <source>On an antihjälte day: %1</source>
        <translation>Antihjältedag: %1</translation>
    </message>
    <message>
        <source>Away: %1</source>
        <translation>Borta: %1</translation>
    </message>
    <message>
        <source>Hero of the week: you</source>
        <translation>Veckans hjälte: du</translation>
    </message>
    <message>
        <source>Hero of the week: %1</source>
        <translation>Veckans hjälte: %1</translation>
    </message>
    <message>
        <source>Nobody in the team is away or on an antihjälte day.</source>
        <translation>Ingen i teamet är borta eller har antihjältedag.</translation>
    </message>
    <message>
        <source>Sync problem: %1</source>
        <translation>Problem med synkningen: %1</translation>
    </message>
    <message>
        <source>week %1</source>
        <translation>v. %1</translation>
    </message>
    <message>
        <source>Your antihjälte day.</source>
        <translation>Din antihjältedag.</translation>
    </message>
    <message>
        <source>An antihjälte day (done).</source>
        <translation>En antihjältedag (genomförd).</translation>
    </message>
    <message>
        <source>&amp;Take out of the plan</source>
        <translation>&amp;Ta bort ur planen</translation>
    </message>
    <message>
        <source>Public holiday: %1.</source>
        <translation>Röd dag: %1.</translation>
    </message>
    <message>
        <source>Weekend.</source>
        <translation>Helg.</translation>
    </message>
    <message>
        <source>A past day.</source>
        <translation>En dag som har varit.</translation>
    </message>
    <message>
        <source>Not planned.</source>
        <translation>Inte planerad.</translation>
    </message>
    <message>
        <source>&amp;Plan this day</source>
        <translation>&amp;Planera den här dagen</translation>
    </message>
    <message>
        <source>Move &amp;here</source>
        <translation>Flytta &amp;hit</translation>
    </message>
    <message>
        <source>Cancel the &amp;move</source>
        <translation>Avbryt &amp;flytten</translation>
    </message>
    <message>
        <source>Today.</source>
        <translation>I dag.</translation>
    </message>
    <message>
        <source>In the past.</source>
        <translation>Har passerat.</translation>
    </message>
    <message>
        <source>%1 covers for you.</source>
        <translation>%1 täcker upp för dig.</translation>
    </message>
    <message>
        <source>Nobody is chosen to cover for you yet.</source>
        <translation>Du har inte valt någon som täcker upp för dig än.</translation>
    </message>
    <message>
        <source>Nothing stands in the way of planning it.</source>
        <translation>Inget hindrar att du planerar den.</translation>
    </message>
    <message>
        <source>%1, who covered for you last time, is in.</source>
        <translation>%1, som täckte upp för dig förra gången, är på plats.</translation>
    </message>
    <message>
        <source>The auto-reply is copied: paste it into your e-mail program.</source>
        <translation>Autosvaret är kopierat. Klistra in det i ditt mejlprogram.</translation>
    </message>
</context>
<context>
    <name>ReminderPopup</name>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>A change is saved when you leave its field or press Enter.</source>
        <translation>En ändring sparas när du lämnar fältet eller trycker på Enter.</translation>
    </message>
    <message>
        <source>The tray menu, the planner and this dialog switch at once.</source>
        <translation>Menyn i systemfältet, planeringen och den här dialogen byter språk direkt.</translation>
    </message>
    <message>
        <source>It was not saved.</source>
        <translation>Den sparades inte.</translation>
    </message>
    <message>
        <source>This is not a time of day. Type it as 08:30, 0830 or 8.30.</source>
        <translation>Det här är inget klockslag. Skriv till exempel 08:30, 0830 eller 8.30.</translation>
    </message>
    <message>
        <source>This is not an e-mail address.</source>
        <translation>Det här är ingen mejladress.</translation>
    </message>
    <message>
        <source>A feed address must not hold a user name or password. Put them under Feed user name and Feed password.</source>
        <translation>En adress till teamkalendern får inte innehålla användarnamn eller lösenord. Skriv dem i fälten för användarnamn och lösenord.</translation>
    </message>
    <message>
        <source>The text has a placeholder the app does not know: %1.</source>
        <translation>Texten har en platshållare som appen inte känner till: %1.</translation>
    </message>
    <message>
        <source>The text has a { or } that is not part of a placeholder such as {day}. Write {{ or }} for the sign itself.</source>
        <translation>Texten har en { eller } som inte hör till en platshållare som {day}. Skriv {{ eller }} för själva tecknet.</translation>
    </message>
    <message>
        <source>Enter the feed address and user name first, then the password again.</source>
        <translation>Fyll först i teamkalenderns adress och användarnamn och sedan lösenordet igen.</translation>
    </message>
    <message>
        <source>No system keyring is available, so the password is kept only while the app runs. Install gnome-keyring or KWallet to keep it (Windows and macOS have one built in).</source>
        <translation>Det finns ingen nyckelring i systemet, så lösenordet sparas bara så länge appen är igång. Installera gnome-keyring eller KWallet för att spara det (Windows och macOS har en inbyggd).</translation>
    </message>
    <message>
        <source>Antihjälte – settings</source>
        <translation>Antihjälte – inställningar</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Avsnitt</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Sync problem: %1</source>
        <translation>Problem med synkningen: %1</translation>
    </message>
    <message>
        <source>&amp;Plan focus days…</source>
        <translation>&amp;Planera antihjältedagar…</translation>
    </message>
    <message>
        <source>Today&apos;s &amp;handover…</source>
        <translation>Dagens &amp;överlämning…</translation>
    </message>
    <message>
        <source>&amp;Journal…</source>
        <translation>&amp;Dagbok…</translation>
    </message>
    <message>
        <source>&amp;Insights…</source>
        <translation>Ö&amp;verblick…</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>S&amp;ynka nu</translation>
    </message>
    <message>
        <source>Start at &amp;login</source>
        <translation>Starta vid inlo&amp;ggning</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Inställningar…</translation>
    </message>
    <message>
        <source>H&amp;elp</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>&amp;About Antihjälte</source>
        <translation>&amp;Om Antihjälte</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>Today is your antihjälte day</source>
        <translation>I dag är det din antihjältedag</translation>
    </message>
    <message numerus="yes">
        <source>Overdue by %n workday(s)</source>
        <translation>
            <numerusform>Du ligger %n arbetsdag efter takten</numerusform>
            <numerusform>Du ligger %n arbetsdagar efter takten</numerusform>
        </translation>
    </message>
    <message>
        <source>Next antihjälte day: %1 (week %2)</source>
        <translation>Nästa antihjältedag: %1 (v. %2)</translation>
    </message>
    <message>
        <source>No antihjälte day planned</source>
        <translation>Ingen antihjältedag planerad</translation>
    </message>
    <message>
        <source>You are hero of the week – quick tasks come to you</source>
        <translation>Du är veckans hjälte – snabba puckar kommer till dig</translation>
    </message>
    <message>
        <source>Hero of the week: %1 – quick tasks go to them</source>
        <translation>Veckans hjälte: %1 – tar de snabba puckarna</translation>
    </message>
    <message>
        <source>Next antihjälte day: %1</source>
        <translation>Nästa antihjältedag: %1</translation>
    </message>
    <message>
        <source>You are hero of the week</source>
        <translation>Du är veckans hjälte</translation>
    </message>
    <message>
        <source>Hero of the week: %1</source>
        <translation>Veckans hjälte: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) waiting</source>
        <translation>
            <numerusform>%n påminnelse väntar</numerusform>
            <numerusform>%n påminnelser väntar</numerusform>
        </translation>
    </message>
    <message>
        <source>No cadence set (Settings → Cadence).</source>
        <translation>Ingen takt vald (Inställningar → Takt).</translation>
    </message>
    <message numerus="yes">
        <source>One antihjälte day every %n week(s).</source>
        <translation>
            <numerusform>En antihjältedag varje vecka.</numerusform>
            <numerusform>En antihjältedag var %n:e vecka.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cadence kept: your next day, %1, is in time (due by %2).</source>
        <translation>Du håller takten: nästa antihjältedag, %1, ligger i tid (senast %2).</translation>
    </message>
    <message>
        <source>Next day due by %1.</source>
        <translation>Nästa antihjältedag bör ligga senast %1.</translation>
    </message>
    <message numerus="yes">
        <source>Your next day, %1, is %n workday(s) after the due date %2.</source>
        <translation>
            <numerusform>Nästa antihjältedag, %1, ligger %n arbetsdag efter takten (senast %2).</numerusform>
            <numerusform>Nästa antihjältedag, %1, ligger %n arbetsdagar efter takten (senast %2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overdue by %n workday(s): the next day was due by %1.</source>
        <translation>
            <numerusform>Du ligger %n arbetsdag efter takten: nästa antihjältedag borde ha varit senast %1.</numerusform>
            <numerusform>Du ligger %n arbetsdagar efter takten: nästa antihjältedag borde ha varit senast %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Today is your antihjälte day – hand over as soon as you can</source>
        <translation>I dag är din antihjältedag – lämna över så snart du kan</translation>
    </message>
    <message>
        <source>Tomorrow is your antihjälte day – hand over before it starts</source>
        <translation>I morgon är din antihjältedag – lämna över innan den börjar</translation>
    </message>
    <message>
        <source>Your antihjälte day is %1 – hand over before it starts</source>
        <translation>Din antihjältedag är %1 – lämna över innan den börjar</translation>
    </message>
    <message>
        <source>Welcome back! Your antihjälte day was %1.</source>
        <translation>Välkommen tillbaka! Din antihjältedag var %1.</translation>
    </message>
    <message>
        <source>Today is your antihjälte day – before you start</source>
        <translation>I dag är din antihjältedag – inför dagen</translation>
    </message>
    <message>
        <source>Your antihjälte day: %1</source>
        <translation>Din antihjältedag: %1</translation>
    </message>
    <message>
        <source>Time to reflect on today</source>
        <translation>Dags att reflektera över dagen</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Inte synkad än</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>Synkad %1</translation>
    </message>
    <message>
        <source>Synced %1 at %2</source>
        <translation>Synkad %1 kl. %2</translation>
    </message>
    <message>
        <source>Time to reflect on %1</source>
        <translation>Dags att reflektera: %1</translation>
    </message>
    <message>
        <source>Take back what you passed on for %1</source>
        <translation>Ta tillbaka det du bollade vidare inför %1</translation>
    </message>
</context>
<context>
    <name>handover</name>
    <message>
        <source>Auto-reply switched on</source>
        <translation>Autosvaret är påslaget</translation>
    </message>
    <message>
        <source>Phone forwarded to {cover}</source>
        <translation>Telefonen är hänvisad till {cover}</translation>
    </message>
    <message>
        <source>Quick tasks passed on</source>
        <translation>Snabba puckar är bollade vidare</translation>
    </message>
    <message>
        <source>Calendar blocked for the day</source>
        <translation>Dagen är blockerad i kalendern</translation>
    </message>
    <message>
        <source>a colleague</source>
        <translation>en kollega</translation>
    </message>
</context>
<context>
    <name>holiday</name>
    <message>
        <source>Christmas Eve</source>
        <translation>Julafton</translation>
    </message>
    <message>
        <source>Midsummer Eve</source>
        <translation>Midsommarafton</translation>
    </message>
    <message>
        <source>New Year&apos;s Eve</source>
        <translation>Nyårsafton</translation>
    </message>
</context>
<context>
    <name>reminders</name>
    <message>
        <source>Time to hand over</source>
        <translation>Dags att lämna över</translation>
    </message>
    <message>
        <source>Switch on the auto-reply, forward the phone and pass on your quick tasks.</source>
        <translation>Slå på autosvaret, hänvisa telefonen och bolla vidare dina snabba puckar.</translation>
    </message>
    <message>
        <source>Today is your antihjälte day</source>
        <translation>I dag är det din antihjältedag</translation>
    </message>
    <message>
        <source>Time for reflection, reading up and planning. Your quick tasks are with your colleagues.</source>
        <translation>Tid för reflektion, kompetensutveckling och planering. Dina snabba puckar ligger hos kollegorna.</translation>
    </message>
    <message>
        <source>Time to reflect</source>
        <translation>Dags att reflektera</translation>
    </message>
    <message>
        <source>What did you learn today? Write a few lines before you call it a day.</source>
        <translation>Vad lärde du dig i dag? Skriv några rader innan du går hem.</translation>
    </message>
    <message>
        <source>Welcome back</source>
        <translation>Välkommen tillbaka</translation>
    </message>
    <message>
        <source>Switch off the auto-reply, take the phone back and take back what you passed on before {day}.</source>
        <translation>Stäng av autosvaret, ta tillbaka telefonen och det du bollade vidare inför {day}.</translation>
    </message>
    <message>
        <source>This reminder was due at {time}.</source>
        <translation>Påminnelsen skulle ha visats kl. {time}.</translation>
    </message>
    <message>
        <source>This reminder was due on {day} at {time}.</source>
        <translation>Påminnelsen skulle ha visats {day} kl. {time}.</translation>
    </message>
    <message>
        <source>Missed reminder: {title}</source>
        <translation>Missad påminnelse: {title}</translation>
    </message>
    <message>
        <source>Remind me in 15 minutes</source>
        <translation>Påminn om 15 minuter</translation>
    </message>
    <message>
        <source>Remind me in an hour</source>
        <translation>Påminn om en timme</translation>
    </message>
    <message>
        <source>Remind me tomorrow morning</source>
        <translation>Påminn i morgon bitti</translation>
    </message>
    <message>
        <source>Open journal</source>
        <translation>Öppna dagboken</translation>
    </message>
    <message>
        <source>Open checklist</source>
        <translation>Öppna checklistan</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klart</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>Your name</source>
        <translation>Ditt namn</translation>
    </message>
    <message>
        <source>Shown in the team feed and signed under the auto-reply.</source>
        <translation>Syns i teamkalendern och står under autosvaret.</translation>
    </message>
    <message>
        <source>Your e-mail</source>
        <translation>Din mejladress</translation>
    </message>
    <message>
        <source>Your phone number</source>
        <translation>Ditt telefonnummer</translation>
    </message>
    <message>
        <source>One antihjälte day every … weeks</source>
        <translation>Antihjältedag var … :e vecka</translation>
    </message>
    <message>
        <source>0 turns the cadence off.</source>
        <translation>0 stänger av takten.</translation>
    </message>
    <message>
        <source>Public holidays of</source>
        <translation>Land för helgdagar</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Empty follows the system language.</source>
        <translation>Med Systemspråk följer appen datorns språk.</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemspråk</translation>
    </message>
    <message>
        <source>Handover reminder (workday before)</source>
        <translation>Påminnelse om överlämning (arbetsdagen före)</translation>
    </message>
    <message>
        <source>Start reminder (on the day)</source>
        <translation>Påminnelse när dagen börjar</translation>
    </message>
    <message>
        <source>Reflection reminder (end of the day)</source>
        <translation>Påminnelse om reflektion (i slutet av dagen)</translation>
    </message>
    <message>
        <source>Restore reminder (next workday)</source>
        <translation>Påminnelse om att ta tillbaka uppgifterna (nästa arbetsdag)</translation>
    </message>
    <message>
        <source>Auto-reply in Swedish</source>
        <translation>Autosvar på svenska</translation>
    </message>
    <message>
        <source>Placeholders: {day}, {return_day}, {cover}, {cover_name}, {cover_contact}, {name}, {email}, {phone}. A line whose placeholders are all empty is left out.</source>
        <translation>Platshållare: {day}, {return_day}, {cover}, {cover_name}, {cover_contact}, {name}, {email}, {phone}. En rad där alla platshållare är tomma tas bort.</translation>
    </message>
    <message>
        <source>Auto-reply in English</source>
        <translation>Autosvar på engelska</translation>
    </message>
    <message>
        <source>Same placeholders as the Swedish text.</source>
        <translation>Samma platshållare som i den svenska texten.</translation>
    </message>
    <message>
        <source>Handover checklist</source>
        <translation>Checklista för överlämningen</translation>
    </message>
    <message>
        <source>Team members</source>
        <translation>Teamets medlemmar</translation>
    </message>
    <message>
        <source>In Sweden, Christmas Eve, Midsummer Eve and New Year&apos;s Eve count as days off too.</source>
        <translation>I Sverige räknas julafton, midsommarafton och nyårsafton också som lediga dagar.</translation>
    </message>
    <message>
        <source>Who usually covers for you</source>
        <translation>Vem som brukar täcka upp för dig</translation>
    </message>
    <message>
        <source>A name from the team list. A newly planned day gets this cover unless you name another.</source>
        <translation>Ett namn ur teamlistan. En nyplanerad dag får den personen om du inte anger någon annan.</translation>
    </message>
    <message>
        <source>First-run setup done</source>
        <translation>Första starten är klar</translation>
    </message>
    <message>
        <source>Untick to be asked the setup questions again at the next start.</source>
        <translation>Bocka ur för att få frågorna från första starten igen nästa gång appen startar.</translation>
    </message>
    <message>
        <source>The checklist each newly planned day starts with. Add your own items, or take out the ones you do not need.</source>
        <translation>Checklistan som varje ny antihjältedag börjar med. Lägg till egna punkter eller ta bort dem du inte behöver.</translation>
    </message>
    <message>
        <source>One person per row: name, e-mail, phone. Used for the hero rota and cover contacts.</source>
        <translation>En person per rad: namn, mejl, telefon. Används för schemat för veckans hjälte och för den som täcker upp.</translation>
    </message>
    <message>
        <source>At most this many on antihjälte day at once</source>
        <translation>Högst antal på antihjältedag samma dag</translation>
    </message>
    <message>
        <source>Team feed</source>
        <translation>Teamkalender</translation>
    </message>
    <message>
        <source>A file in a shared folder, or a WebDAV or CalDAV address. Empty: a file in your profile.</source>
        <translation>En fil i en delad mapp eller en WebDAV- eller CalDAV-adress. Lämnar du fältet tomt används en fil i din profil.</translation>
    </message>
    <message>
        <source>Feed type</source>
        <translation>Typ av teamkalender</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Automatiskt</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Feed user name</source>
        <translation>Användarnamn för teamkalendern</translation>
    </message>
    <message>
        <source>Feed password</source>
        <translation>Lösenord för teamkalendern</translation>
    </message>
    <message>
        <source>Kept only in the system keyring.</source>
        <translation>Sparas bara i systemets nyckelring.</translation>
    </message>
    <message>
        <source>Show me in the team feed as</source>
        <translation>Visa mig i teamkalendern som</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Hela namnet</translation>
    </message>
    <message>
        <source>Initials</source>
        <translation>Initialer</translation>
    </message>
    <message>
        <source>Just “Antihjälte”</source>
        <translation>Bara ”Antihjälte”</translation>
    </message>
    <message>
        <source>Sync every … minutes</source>
        <translation>Synkintervall (minuter)</translation>
    </message>
    <message>
        <source>Give up on one server request after … seconds</source>
        <translation>Avbryt en begäran till servern efter … sekunder</translation>
    </message>
    <message>
        <source>From connecting to the last byte of the answer.</source>
        <translation>Från uppkopplingen till svarets sista byte.</translation>
    </message>
    <message>
        <source>Stop a sync after … seconds</source>
        <translation>Avbryt en synkning efter … sekunder</translation>
    </message>
    <message>
        <source>Whatever it is doing; local changes wait for the next sync.</source>
        <translation>Vad den än håller på med; dina ändringar väntar till nästa synkning.</translation>
    </message>
    <message>
        <source>Custom CA certificate file</source>
        <translation>Egen CA-certifikatfil</translation>
    </message>
    <message>
        <source>For a server with a certificate from your organisation&apos;s own authority.</source>
        <translation>För en server med ett certifikat från organisationens egen certifikatutfärdare.</translation>
    </message>
    <message>
        <source>Extra calendars to read (absences)</source>
        <translation>Fler kalendrar att läsa (frånvaro)</translation>
    </message>
    <message>
        <source>webcal:// or https:// addresses, read only.</source>
        <translation>Adresser som börjar med webcal:// eller https://. Appen läser dem men ändrar dem aldrig.</translation>
    </message>
    <message>
        <source>Intent prompts (Swedish)</source>
        <translation>Frågor inför dagen (svenska)</translation>
    </message>
    <message>
        <source>Intent prompts (English)</source>
        <translation>Frågor inför dagen (engelska)</translation>
    </message>
    <message>
        <source>Reflection prompts (Swedish)</source>
        <translation>Reflektionsfrågor (svenska)</translation>
    </message>
    <message>
        <source>Reflection prompts (English)</source>
        <translation>Reflektionsfrågor (engelska)</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Starta vid inloggning</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Cadence</source>
        <translation>Takt</translation>
    </message>
    <message>
        <source>Public holidays</source>
        <translation>Röda dagar</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Utseende</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Påminnelser</translation>
    </message>
    <message>
        <source>Auto-reply</source>
        <translation>Autosvar</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>Överlämning</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Teamet</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Dagbok</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Programmet</translation>
    </message>
</context>
</TS>
