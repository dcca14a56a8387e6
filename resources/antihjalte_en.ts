<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>FirstRunWindow</name>
    <message numerus="yes">
        <source>%n colleague(s)</source>
        <translation>
            <numerusform>%n colleague</numerusform>
            <numerusform>%n colleagues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In sync. Found %n antihjälte day(s) of %1.</source>
        <translation>
            <numerusform>In sync. Found %n antihjälte day of %1.</numerusform>
            <numerusform>In sync. Found %n antihjälte days of %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FocusCalendar</name>
    <message numerus="yes">
        <source>%n colleague(s) on an antihjälte day</source>
        <translation>
            <numerusform>%n colleague on an antihjälte day</numerusform>
            <numerusform>%n colleagues on an antihjälte day</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n colleague(s) away</source>
        <translation>
            <numerusform>%n colleague away</numerusform>
            <numerusform>%n colleagues away</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InsightsReport</name>
    <message numerus="yes">
        <source>longest gap %n workday(s)</source>
        <translation>
            <numerusform>longest gap %n workday</numerusform>
            <numerusform>longest gap %n workdays</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>One day every %n week(s)</source>
        <translation>
            <numerusform>One day every week</numerusform>
            <numerusform>One day every %n weeks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message numerus="yes">
        <source>Overdue by %n workday(s)</source>
        <translation>
            <numerusform>Overdue by %n workday</numerusform>
            <numerusform>Overdue by %n workdays</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) waiting</source>
        <translation>
            <numerusform>%n reminder waiting</numerusform>
            <numerusform>%n reminders waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>One antihjälte day every %n week(s).</source>
        <translation>
            <numerusform>One antihjälte day every week.</numerusform>
            <numerusform>One antihjälte day every %n weeks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your next day, %1, is %n workday(s) after the due date %2.</source>
        <translation>
            <numerusform>Your next day, %1, is %n workday after the due date %2.</numerusform>
            <numerusform>Your next day, %1, is %n workdays after the due date %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overdue by %n workday(s): the next day was due by %1.</source>
        <translation>
            <numerusform>Overdue by %n workday: the next day was due by %1.</numerusform>
            <numerusform>Overdue by %n workdays: the next day was due by %1.</numerusform>
        </translation>
    </message>
</context>
</TS>
