<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ApprovalDialog</name>
    <message numerus="yes">
        <source>%n photo(s) will be published to Flickr</source>
        <translation>
            <numerusform>%n photo will be published to Flickr</numerusform>
            <numerusform>%n photos will be published to Flickr</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Its %n region(s) are right</source>
        <translation>
            <numerusform>Its region is right</numerusform>
            <numerusform>Its %n regions are right</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message numerus="yes">
        <source>%n photo(s) of closed cases are past their retention time: keep them (say why) or remove them.</source>
        <translation>
            <numerusform>%n photo of closed cases is past its retention time: keep it (say why) or remove it.</numerusform>
            <numerusform>%n photos of closed cases are past their retention time: keep them (say why) or remove them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message numerus="yes">
        <source>%n problem(s) need attention.</source>
        <translation>
            <numerusform>%n problem needs attention.</numerusform>
            <numerusform>%n problems need attention.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) checked</source>
        <translation>
            <numerusform>%n photo checked</numerusform>
            <numerusform>%n photos checked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repaired</source>
        <translation>
            <numerusform>%n repaired</numerusform>
            <numerusform>%n repaired</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>%n photo(s) will be written as clean copies: no GPS position, serial number, owner&apos;s name or hidden preview, with the press information from the archive.</source>
        <translation>
            <numerusform>%n photo will be written as a clean copy: no GPS position, serial number, owner&apos;s name or hidden preview, with the press information from the archive.</numerusform>
            <numerusform>%n photos will be written as clean copies: no GPS position, serial number, owner&apos;s name or hidden preview, with the press information from the archive.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clean copy(ies) written to %1.</source>
        <translation>
            <numerusform>%n clean copy written to %1.</numerusform>
            <numerusform>%n clean copies written to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped: %n photo(s) not exported.</source>
        <translation>
            <numerusform>Stopped: %n photo not exported.</numerusform>
            <numerusform>Stopped: %n photos not exported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message numerus="yes">
        <source>%n photos selected</source>
        <translation>
            <numerusform>%n photo selected</numerusform>
            <numerusform>%n photos selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(of the first %n)</source>
        <translation>
            <numerusform>(of the first %n)</numerusform>
            <numerusform>(of the first %n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Apply to all %n selected photos?</source>
        <translation>
            <numerusform>Apply to the selected photo?</numerusform>
            <numerusform>Apply to all %n selected photos?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message numerus="yes">
        <source>%n published photo(s) show someone whose consent no longer allows Flickr; the next sync takes them down.</source>
        <translation>
            <numerusform>%n published photo shows someone whose consent no longer allows Flickr; the next sync takes it down.</numerusform>
            <numerusform>%n published photos show someone whose consent no longer allows Flickr; the next sync takes them down.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuarantinePage</name>
    <message numerus="yes">
        <source>%n file(s) could not be archived. They are kept, untouched, in the quarantine folder.</source>
        <translation>
            <numerusform>%n file could not be archived. It is kept, untouched, in the quarantine folder.</numerusform>
            <numerusform>%n files could not be archived. They are kept, untouched, in the quarantine folder.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RedactionDialog</name>
    <message numerus="yes">
        <source>%n region(s)</source>
        <translation>
            <numerusform>%n region</numerusform>
            <numerusform>%n regions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new face(s) found.</source>
        <translation>
            <numerusform>%n new face found.</numerusform>
            <numerusform>%n new faces found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RedactionPreviews</name>
    <message numerus="yes">
        <source>%n region(s) hidden</source>
        <translation>
            <numerusform>%n region hidden</numerusform>
            <numerusform>%n regions hidden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetsPage</name>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message numerus="yes">
        <source>%n change(s) planned.</source>
        <translation>
            <numerusform>%n change planned.</numerusform>
            <numerusform>%n changes planned.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowCommands</name>
    <message numerus="yes">
        <source>%n file(s) marked as dealt with</source>
        <translation>
            <numerusform>%n file marked as dealt with</numerusform>
            <numerusform>%n files marked as dealt with</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clean copy(ies) written.</source>
        <translation>
            <numerusform>%n clean copy written.</numerusform>
            <numerusform>%n clean copies written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Take %n photo(s) out of the archive?</source>
        <translation>
            <numerusform>Take %n photo out of the archive?</numerusform>
            <numerusform>Take %n photos out of the archive?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) taken out of the archive.</source>
        <translation>
            <numerusform>%n photo taken out of the archive.</numerusform>
            <numerusform>%n photos taken out of the archive.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) added to the set</source>
        <translation>
            <numerusform>%n photo added to the set</numerusform>
            <numerusform>%n photos added to the set</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowCulling</name>
    <message numerus="yes">
        <source>%n photo(s) marked as reviewed</source>
        <translation>
            <numerusform>%n photo marked as reviewed</numerusform>
            <numerusform>%n photos marked as reviewed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 on %n photo(s)</source>
        <translation>
            <numerusform>%1 %2 on %n photo</numerusform>
            <numerusform>%1 %2 on %n photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowGrid</name>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowStatus</name>
    <message numerus="yes">
        <source>%n published photo(s) must come off Flickr: the next sync takes them down.</source>
        <translation>
            <numerusform>%n published photo must come off Flickr: the next sync takes it down.</numerusform>
            <numerusform>%n published photos must come off Flickr: the next sync takes them down.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files could not be archived and were put in quarantine.</source>
        <translation>
            <numerusform>%n file could not be archived and was put in quarantine.</numerusform>
            <numerusform>%n files could not be archived and were put in quarantine.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new photo(s) from the inbox</source>
        <translation>
            <numerusform>%n new photo from the inbox</numerusform>
            <numerusform>%n new photos from the inbox</numerusform>
        </translation>
    </message>
</context>
</TS>
