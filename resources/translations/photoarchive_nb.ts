<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb">
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>Approve «%1»</source>
        <translation>Godkjenn «%1»</translation>
    </message>
    <message>
        <source>public</source>
        <translation>offentlig</translation>
    </message>
    <message>
        <source>friends</source>
        <translation>venner</translation>
    </message>
    <message>
        <source>family</source>
        <translation>familie</translation>
    </message>
    <message>
        <source>private</source>
        <translation>privat</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) will be published to Flickr</source>
        <translation>
            <numerusform>%n bilde blir publisert på Flickr</numerusform>
            <numerusform>%n bilder blir publisert på Flickr</numerusform>
        </translation>
    </message>
    <message>
        <source>visibility: %1, licence: %2</source>
        <translation>synlighet: %1, lisens: %2</translation>
    </message>
    <message>
        <source>Approval will be refused:</source>
        <translation>Godkjenningen vil bli avvist:</translation>
    </message>
    <message>
        <source>Case photos would become public. Give the reason (recorded in the audit log):</source>
        <translation>Saksbilder vil bli offentlige. Oppgi begrunnelsen (føres i revisjonsloggen):</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Godkjenn</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>Overskrift</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Bildetekst</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Stikkord</translation>
    </message>
    <message>
        <source>Byline</source>
        <translation>Fotograf (byline)</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Kreditering</translation>
    </message>
    <message>
        <source>Copyright</source>
        <translation>Opphavsrett</translation>
    </message>
    <message>
        <source>Usage terms</source>
        <translation>Bruksvilkår</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>ingenting</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Hide this message</source>
        <translation>Skjul denne meldingen</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Personal data in the original</source>
        <translation>Personopplysninger i originalen</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Kategorier</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Portrett</translation>
    </message>
    <message>
        <source>Case photo</source>
        <translation>Saksbilde</translation>
    </message>
    <message>
        <source>Media / high-res</source>
        <translation>Media / høyoppløst</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bekreft</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Avvis</translation>
    </message>
    <message>
        <source>Press information</source>
        <translation>Presseopplysninger</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Saksnummer</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>Overskrift</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Bildetekst</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Stikkord</translation>
    </message>
    <message>
        <source>Byline</source>
        <translation>Fotograf (byline)</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Kreditering</translation>
    </message>
    <message>
        <source>Copyright</source>
        <translation>Opphavsrett</translation>
    </message>
    <message>
        <source>Separate keywords with commas</source>
        <translation>Skill stikkordene med komma</translation>
    </message>
    <message>
        <source>Apply press template</source>
        <translation>Bruk pressemal</translation>
    </message>
    <message>
        <source>Fill byline, credit and copyright from the press defaults in Settings</source>
        <translation>Fyll inn fotograf, kreditering og opphavsrett fra presseinnstillingene</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Save the press information (Ctrl+S)</source>
        <translation>Lagre presseopplysningene (Ctrl+S)</translation>
    </message>
    <message>
        <source>No photo selected</source>
        <translation>Ingen bilder valgt</translation>
    </message>
    <message numerus="yes">
        <source>%n photos selected</source>
        <translation>
            <numerusform>%n bilde valgt</numerusform>
            <numerusform>%n bilder valgt</numerusform>
        </translation>
    </message>
    <message>
        <source>Size: %1 × %2 px, %3</source>
        <translation>Størrelse: %1 × %2 piksler, %3</translation>
    </message>
    <message>
        <source>Format: %1</source>
        <translation>Format: %1</translation>
    </message>
    <message>
        <source>Taken: %1</source>
        <translation>Tatt: %1</translation>
    </message>
    <message>
        <source>Camera: %1</source>
        <translation>Kamera: %1</translation>
    </message>
    <message>
        <source>Lens: %1</source>
        <translation>Objektiv: %1</translation>
    </message>
    <message>
        <source>Faces found: %1</source>
        <translation>Ansikter funnet: %1</translation>
    </message>
    <message>
        <source>Archived: %1</source>
        <translation>Arkivert: %1</translation>
    </message>
    <message>
        <source>In archive: %1</source>
        <translation>I arkivet: %1</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Sjekker …</translation>
    </message>
    <message>
        <source>Loading preview…</source>
        <translation>Laster forhåndsvisning …</translation>
    </message>
    <message>
        <source>Will be removed before publishing:</source>
        <translation>Fjernes før publisering:</translation>
    </message>
    <message>
        <source>No personal data found.</source>
        <translation>Ingen personopplysninger funnet.</translation>
    </message>
    <message>
        <source>No preview available</source>
        <translation>Ingen forhåndsvisning</translation>
    </message>
    <message>
        <source>(several values)</source>
        <translation>(flere verdier)</translation>
    </message>
    <message>
        <source>suggested</source>
        <translation>foreslått</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>bekreftet</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>avvist</translation>
    </message>
    <message>
        <source>by size</source>
        <translation>ut fra størrelsen</translation>
    </message>
    <message>
        <source>by folder or file name</source>
        <translation>ut fra mappe- eller filnavnet</translation>
    </message>
    <message>
        <source>a face was found</source>
        <translation>et ansikt ble funnet</translation>
    </message>
    <message>
        <source>from the file</source>
        <translation>fra filen</translation>
    </message>
    <message>
        <source>mixed</source>
        <translation>blandet</translation>
    </message>
    <message numerus="yes">
        <source>Apply to all %n selected photos?</source>
        <translation>
            <numerusform>Gjelde det valgte bildet?</numerusform>
            <numerusform>Gjelde alle %n valgte bilder?</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Ikke lagret</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Photo archive</source>
        <translation>Bildearkiv</translation>
    </message>
    <message>
        <source>Inbox not watched</source>
        <translation>Innboksen overvåkes ikke</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Søk</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Mark as reviewed</source>
        <translation>Merk som gjennomgått</translation>
    </message>
    <message>
        <source>Apply press template</source>
        <translation>Bruk pressemal</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Oppdater</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Innstillinger …</translation>
    </message>
    <message>
        <source>Go to Inbox</source>
        <translation>Gå til innboksen</translation>
    </message>
    <message>
        <source>Go to All photos</source>
        <translation>Gå til alle bilder</translation>
    </message>
    <message>
        <source>Add to set…</source>
        <translation>Legg til i sett …</translation>
    </message>
    <message>
        <source>Export clean copies…</source>
        <translation>Eksporter rene kopier…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Avslutt</translation>
    </message>
    <message>
        <source>Remove from archive…</source>
        <translation>Fjern fra arkivet…</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hovedverktøylinje</translation>
    </message>
    <message>
        <source>Search caption, keywords, case number, file name (Ctrl+F)</source>
        <translation>Søk i bildetekst, stikkord, saksnummer, filnavn (Ctrl+F)</translation>
    </message>
    <message>
        <source>Newest taken first</source>
        <translation>Nyeste først (tatt)</translation>
    </message>
    <message>
        <source>Oldest taken first</source>
        <translation>Eldste først (tatt)</translation>
    </message>
    <message>
        <source>Newest archived first</source>
        <translation>Sist arkivert først</translation>
    </message>
    <message>
        <source>Name A–Z</source>
        <translation>Navn A–Å</translation>
    </message>
    <message>
        <source>Inbox: starting…</source>
        <translation>Innboks: starter …</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Arbeider …</translation>
    </message>
    <message>
        <source>This part of the app is not available in this build.</source>
        <translation>Denne delen av programmet finnes ikke i denne utgaven.</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n bilde</numerusform>
            <numerusform>%n bilder</numerusform>
        </translation>
    </message>
    <message>
        <source>No photos match the search.</source>
        <translation>Ingen bilder passer med søket.</translation>
    </message>
    <message>
        <source>No new photos. Photos dropped into %1 appear here within seconds.</source>
        <translation>Ingen nye bilder. Bilder som legges i %1 dukker opp her i løpet av sekunder.</translation>
    </message>
    <message>
        <source>No photos here yet.</source>
        <translation>Ingen bilder her ennå.</translation>
    </message>
    <message>
        <source>The folder is %1</source>
        <translation>Mappen er %1</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) marked as dealt with</source>
        <translation>
            <numerusform>%n fil merket som behandlet</numerusform>
            <numerusform>%n filer merket som behandlet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) marked as reviewed</source>
        <translation>
            <numerusform>%n bilde merket som gjennomgått</numerusform>
            <numerusform>%n bilder merket som gjennomgått</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is already in the archive; recorded as a duplicate.</source>
        <translation>%1 finnes allerede i arkivet; registrert som duplikat.</translation>
    </message>
    <message>
        <source>%1 could not be archived and was put in quarantine: %2</source>
        <translation>%1 kunne ikke arkiveres og ble lagt i karantene: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n files could not be archived and were put in quarantine.</source>
        <translation>
            <numerusform>%n fil kunne ikke arkiveres og ble lagt i karantene.</numerusform>
            <numerusform>%n filer kunne ikke arkiveres og ble lagt i karantene.</numerusform>
        </translation>
    </message>
    <message>
        <source>Latest: %1</source>
        <translation>Sist: %1</translation>
    </message>
    <message>
        <source>Show quarantine</source>
        <translation>Vis karantene</translation>
    </message>
    <message>
        <source>%1 was put in quarantine</source>
        <translation>%1 ble lagt i karantene</translation>
    </message>
    <message>
        <source>%1 could not be archived: %2</source>
        <translation>%1 kunne ikke arkiveres: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n new photo(s) from the inbox</source>
        <translation>
            <numerusform>%n nytt bilde fra innboksen</numerusform>
            <numerusform>%n nye bilder fra innboksen</numerusform>
        </translation>
    </message>
    <message>
        <source>Show Inbox</source>
        <translation>Vis innboksen</translation>
    </message>
    <message>
        <source>Inbox offline</source>
        <translation>Innboksen er frakoblet</translation>
    </message>
    <message>
        <source>Inbox: watching</source>
        <translation>Innboks: overvåkes</translation>
    </message>
    <message>
        <source>The inbox %1 is not reachable. New photos will be picked up when it is back; retrying regularly.</source>
        <translation>Innboksen %1 er ikke tilgjengelig. Nye bilder hentes når den er tilbake; prøver igjen jevnlig.</translation>
    </message>
    <message>
        <source>The inbox cannot be watched: %1</source>
        <translation>Innboksen kan ikke overvåkes: %1</translation>
    </message>
    <message>
        <source>Create a set first (Sets in the sidebar).</source>
        <translation>Opprett et sett først (Sett i sidefeltet).</translation>
    </message>
    <message>
        <source>Add to set</source>
        <translation>Legg til i sett</translation>
    </message>
    <message>
        <source>Add the selected photos to:</source>
        <translation>Legg de valgte bildene til i:</translation>
    </message>
    <message>
        <source>Select the photos to export first.</source>
        <translation>Velg bildene som skal eksporteres først.</translation>
    </message>
    <message>
        <source>Export clean copies to</source>
        <translation>Eksporter rene kopier til</translation>
    </message>
    <message>
        <source>Full size (image data unchanged)</source>
        <translation>Full størrelse (bildedata uendret)</translation>
    </message>
    <message>
        <source>Web size, %1 px (re-encoded)</source>
        <translation>Nettstørrelse, %1 px (komprimert på nytt)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Eksport</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Størrelse:</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n photo(s)…</source>
        <translation>
            <numerusform>Eksporterer %n bilde…</numerusform>
            <numerusform>Eksporterer %n bilder…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clean copy(ies) written.</source>
        <translation>
            <numerusform>%n ren kopi skrevet.</numerusform>
            <numerusform>%n rene kopier skrevet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not exported:</source>
        <translation>Ikke eksportert:</translation>
    </message>
    <message numerus="yes">
        <source>Take %n photo(s) out of the archive?</source>
        <translation>
            <numerusform>Ta %n bilde ut av arkivet?</numerusform>
            <numerusform>Ta %n bilder ut av arkivet?</numerusform>
        </translation>
    </message>
    <message>
        <source>The original files are moved to the archive&apos;s &apos;removed&apos; folder (nothing is deleted) and the catalog forgets them. Photos in a set stay. Why are they removed?</source>
        <translation>Originalfilene flyttes til arkivets mappe «removed» (ingenting slettes), og katalogen glemmer dem. Bilder som er i et sett, blir værende. Hvorfor fjernes de?</translation>
    </message>
    <message>
        <source>Remove from archive</source>
        <translation>Fjern fra arkivet</translation>
    </message>
    <message>
        <source>Nothing removed: a reason is needed.</source>
        <translation>Ingenting fjernet: en begrunnelse må oppgis.</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) taken out of the archive.</source>
        <translation>
            <numerusform>%n bilde tatt ut av arkivet.</numerusform>
            <numerusform>%n bilder tatt ut av arkivet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Kept:</source>
        <translation>Beholdt:</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) added to the set</source>
        <translation>
            <numerusform>%n bilde lagt til i settet</numerusform>
            <numerusform>%n bilder lagt til i settet</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Innstillingene er lagret.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ulagrede endringer</translation>
    </message>
    <message>
        <source>Save the changes to the press information before closing?</source>
        <translation>Lagre endringene i presseopplysningene før programmet lukkes?</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>Uventet feil: %1</translation>
    </message>
</context>
<context>
    <name>PrivacyFinding</name>
    <message>
        <source>GPS position {excerpt}</source>
        <translation>GPS-posisjon {excerpt}</translation>
    </message>
    <message>
        <source>Serial number or unique ID ({tag}): {excerpt}</source>
        <translation>Serienummer eller unik ID ({tag}): {excerpt}</translation>
    </message>
    <message>
        <source>Name of a person or owner ({tag}): {excerpt}</source>
        <translation>Navn på person eller eier ({tag}): {excerpt}</translation>
    </message>
    <message>
        <source>Camera maker&apos;s private notes ({excerpt})</source>
        <translation>Kameraprodusentens egne notater ({excerpt})</translation>
    </message>
    <message>
        <source>Embedded thumbnail ({excerpt})</source>
        <translation>Innebygd miniatyrbilde ({excerpt})</translation>
    </message>
    <message>
        <source>Embedded extra image ({excerpt})</source>
        <translation>Innebygd ekstra bilde ({excerpt})</translation>
    </message>
    <message>
        <source>Editing history ({tag}): {excerpt}</source>
        <translation>Redigeringshistorikk ({tag}): {excerpt}</translation>
    </message>
    <message>
        <source>Document ID ({tag}): {excerpt}</source>
        <translation>Dokument-ID ({tag}): {excerpt}</translation>
    </message>
    <message>
        <source>Marked face or person region ({tag}): {excerpt}</source>
        <translation>Markert ansikt eller person ({tag}): {excerpt}</translation>
    </message>
    <message>
        <source>Place name ({tag}): {excerpt}</source>
        <translation>Stedsnavn ({tag}): {excerpt}</translation>
    </message>
    <message>
        <source>Contact details ({tag}): {excerpt}</source>
        <translation>Kontaktopplysninger ({tag}): {excerpt}</translation>
    </message>
    <message>
        <source>Caption, comment or keywords ({tag}): {excerpt}</source>
        <translation>Bildetekst, kommentar eller stikkord ({tag}): {excerpt}</translation>
    </message>
    <message>
        <source>Data after the end of the image ({excerpt})</source>
        <translation>Data etter slutten av bildet ({excerpt})</translation>
    </message>
    <message>
        <source>Unknown data block ({tag}): {excerpt}</source>
        <translation>Ukjent datablokk ({tag}): {excerpt}</translation>
    </message>
    <message>
        <source>Text block ({tag}): {excerpt}</source>
        <translation>Tekstblokk ({tag}): {excerpt}</translation>
    </message>
    <message>
        <source>Date and time ({tag}): {excerpt}</source>
        <translation>Dato og klokkeslett ({tag}): {excerpt}</translation>
    </message>
    <message>
        <source>Software or computer name ({tag}): {excerpt}</source>
        <translation>Programvare eller datamaskinnavn ({tag}): {excerpt}</translation>
    </message>
    <message>
        <source>Camera or lens model ({tag}): {excerpt}</source>
        <translation>Kamera- eller objektivmodell ({tag}): {excerpt}</translation>
    </message>
    <message>
        <source>Colour profile naming a device: {excerpt}</source>
        <translation>Fargeprofil som navngir en enhet: {excerpt}</translation>
    </message>
    <message>
        <source>Other metadata ({tag}): {excerpt}</source>
        <translation>Andre metadata ({tag}): {excerpt}</translation>
    </message>
    <message>
        <source>present</source>
        <translation>finnes</translation>
    </message>
</context>
<context>
    <name>PrivacyWords</name>
    <message>
        <source>GPS position</source>
        <translation>GPS-posisjon</translation>
    </message>
    <message>
        <source>camera serial number</source>
        <translation>kameraets serienummer</translation>
    </message>
    <message>
        <source>owner or photographer name</source>
        <translation>navn på eier eller fotograf</translation>
    </message>
</context>
<context>
    <name>QuarantinePage</name>
    <message>
        <source>When</source>
        <translation>Når</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Årsak</translation>
    </message>
    <message>
        <source>Kept in</source>
        <translation>Ligger i</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Åpne mappen</translation>
    </message>
    <message>
        <source>Mark as dealt with</source>
        <translation>Merk som behandlet</translation>
    </message>
    <message>
        <source>Takes the selected files off this list; the files stay in the quarantine folder.</source>
        <translation>Tar de valgte filene av listen; filene blir liggende i karantenemappen.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be archived. They are kept, untouched, in the quarantine folder.</source>
        <translation>
            <numerusform>%n fil kunne ikke arkiveres. Den ligger urørt i karantenemappen.</numerusform>
            <numerusform>%n filer kunne ikke arkiveres. De ligger urørt i karantenemappen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing in quarantine.</source>
        <translation>Ingenting i karantene.</translation>
    </message>
</context>
<context>
    <name>RedactionEditor</name>
    <message>
        <source>Drag to draw a region to hide. Delete removes the selected region, arrow keys move it, Shift+arrow keys resize it.</source>
        <translation>Dra for å tegne et område som skal skjules. Delete fjerner det valgte området, piltastene flytter det, Shift+piltaster endrer størrelsen.</translation>
    </message>
    <message>
        <source>Redaction regions</source>
        <translation>Områder som skjules</translation>
    </message>
</context>
<context>
    <name>SetsPage</name>
    <message>
        <source>Sets (drop photos on a set to add them)</source>
        <translation>Sett (slipp bilder på et sett for å legge dem til)</translation>
    </message>
    <message>
        <source>New set…</source>
        <translation>Nytt sett …</translation>
    </message>
    <message>
        <source>Album on Flickr</source>
        <translation>Album på Flickr</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privat</translation>
    </message>
    <message>
        <source>Friends</source>
        <translation>Venner</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Offentlig</translation>
    </message>
    <message>
        <source>Separate tags with commas</source>
        <translation>Skill merkelappene med komma</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tittel</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Synlighet</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lisens</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Merkelapper</translation>
    </message>
    <message>
        <source>Group pool</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Save album details</source>
        <translation>Lagre albumopplysningene</translation>
    </message>
    <message>
        <source>Drag the photos into the order the album should have.</source>
        <translation>Dra bildene i den rekkefølgen albumet skal ha.</translation>
    </message>
    <message>
        <source>Move earlier</source>
        <translation>Flytt fram</translation>
    </message>
    <message>
        <source>Move later</source>
        <translation>Flytt bak</translation>
    </message>
    <message>
        <source>Make cover</source>
        <translation>Bruk som forsidebilde</translation>
    </message>
    <message>
        <source>Remove from set</source>
        <translation>Fjern fra settet</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>Send til godkjenning</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Godkjenn …</translation>
    </message>
    <message>
        <source>Revoke approval</source>
        <translation>Trekk tilbake godkjenningen</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historikk</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Når (UTC)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hva</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>No sets yet</source>
        <translation>Ingen sett ennå</translation>
    </message>
    <message>
        <source>Create a set, then drag photos from the grid onto it.</source>
        <translation>Opprett et sett, og dra bilder fra rutenettet over på det.</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>approved by %1 at %2</source>
        <translation>godkjent av %1 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n bilde</numerusform>
            <numerusform>%n bilder</numerusform>
        </translation>
    </message>
    <message>
        <source>Only %1 may approve sets.</source>
        <translation>Bare %1 kan godkjenne sett.</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>Sett</translation>
    </message>
    <message>
        <source>New set</source>
        <translation>Nytt sett</translation>
    </message>
    <message>
        <source>Title of the new set (the Flickr album):</source>
        <translation>Tittel på det nye settet (Flickr-albumet):</translation>
    </message>
    <message>
        <source>Choose one photo to be the cover.</source>
        <translation>Velg ett bilde som forsidebilde.</translation>
    </message>
    <message>
        <source>Revoke the approval of «%1»? The next sync takes the album down from Flickr.</source>
        <translation>Trekke tilbake godkjenningen av «%1»? Neste synkronisering tar albumet ned fra Flickr.</translation>
    </message>
    <message>
        <source>Approval refused</source>
        <translation>Godkjenning avvist</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Innstillinger</translation>
    </message>
    <message>
        <source>Leave empty to use the archive&apos;s own inbox folder</source>
        <translation>La stå tom for å bruke arkivets egen innboksmappe</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Legg til mappe …</translation>
    </message>
    <message>
        <source>or type a path, e.g. \\server\press\inbox, and press Enter</source>
        <translation>eller skriv en sti, f.eks. \\server\presse\innboks, og trykk Enter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Inbox folders</source>
        <translation>Innboksmapper</translation>
    </message>
    <message>
        <source>Default inbox: %1</source>
        <translation>Standard innboks: %1</translation>
    </message>
    <message>
        <source>Archive location</source>
        <translation>Arkivets plassering</translation>
    </message>
    <message>
        <source>Wait until a file is unchanged for</source>
        <translation>Vent til en fil har vært uendret i</translation>
    </message>
    <message>
        <source>Look through the inbox every</source>
        <translation>Gå gjennom innboksen hvert</translation>
    </message>
    <message>
        <source>Remove files from the inbox once archived</source>
        <translation>Fjern filer fra innboksen når de er arkivert</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Innboks</translation>
    </message>
    <message>
        <source>Media picture: long edge at least</source>
        <translation>Mediebilde: lengste side minst</translation>
    </message>
    <message>
        <source>Portrait: face covers at least (share of short edge)</source>
        <translation>Portrett: ansiktet dekker minst (andel av korteste side)</translation>
    </message>
    <message>
        <source>Case number pattern (regular expression)</source>
        <translation>Mønster for saksnummer (regulært uttrykk)</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Kategorier</translation>
    </message>
    <message>
        <source>Byline</source>
        <translation>Fotograf (byline)</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Kreditering</translation>
    </message>
    <message>
        <source>Copyright</source>
        <translation>Opphavsrett</translation>
    </message>
    <message>
        <source>Usage terms</source>
        <translation>Bruksvilkår</translation>
    </message>
    <message>
        <source>Keep the capture date in published photos</source>
        <translation>Behold opptaksdatoen i publiserte bilder</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Personvern</translation>
    </message>
    <message>
        <source>Press and privacy</source>
        <translation>Presse og personvern</translation>
    </message>
    <message>
        <source>empty: Flickr itself</source>
        <translation>tom: Flickr selv</translation>
    </message>
    <message>
        <source>made private</source>
        <translation>gjort private</translation>
    </message>
    <message>
        <source>deleted from Flickr</source>
        <translation>slettet fra Flickr</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-nøkkel</translation>
    </message>
    <message>
        <source>API secret</source>
        <translation>API-hemmelighet</translation>
    </message>
    <message>
        <source>Endpoint override</source>
        <translation>Alternativ adresse</translation>
    </message>
    <message>
        <source>Calls per second (0: no limit)</source>
        <translation>Kall per sekund (0: ingen grense)</translation>
    </message>
    <message>
        <source>Photos taken out of a set are</source>
        <translation>Bilder som tas ut av et sett blir</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Flickr</source>
        <translation>Flickr</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Som systemet</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>A new language takes effect when the app is started again.</source>
        <translation>Nytt språk gjelder fra neste gang programmet startes.</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Grensesnitt</translation>
    </message>
    <message>
        <source>Inbox folder</source>
        <translation>Innboksmappe</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>Innstillingene ble ikke lagret</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Inbox</source>
        <translation>Innboks</translation>
    </message>
    <message>
        <source>All photos</source>
        <translation>Alle bilder</translation>
    </message>
    <message>
        <source>Portraits</source>
        <translation>Portretter</translation>
    </message>
    <message>
        <source>Case photos</source>
        <translation>Saksbilder</translation>
    </message>
    <message>
        <source>Media / high-res</source>
        <translation>Media / høyoppløst</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>Sett</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Må gjennomgås</translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation>Karantene</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synkronisering</translation>
    </message>
</context>
<context>
    <name>SignInButton</name>
    <message>
        <source>Sign in…</source>
        <translation>Logg inn …</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Logget inn som %1</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to Flickr</source>
        <translation>Logg inn på Flickr</translation>
    </message>
    <message>
        <source>Asking Flickr for a sign-in address…</source>
        <translation>Ber Flickr om en innloggingsadresse …</translation>
    </message>
    <message>
        <source>Verification code shown by Flickr:</source>
        <translation>Bekreftelseskoden Flickr viser:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Logg inn</translation>
    </message>
    <message>
        <source>Open this address, allow the app on Flickr, then paste the code Flickr shows below.</source>
        <translation>Åpne denne adressen, gi programmet tilgang på Flickr, og lim inn koden Flickr viser, nedenfor.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Flickr account: checking…</source>
        <translation>Flickr-konto: sjekker …</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Logg inn …</translation>
    </message>
    <message>
        <source>Show what would change</source>
        <translation>Vis hva som ville blitt endret</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synkroniser nå</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Not started.</source>
        <translation>Ikke startet.</translation>
    </message>
    <message>
        <source>%v of %m photos</source>
        <translation>%v av %m bilder</translation>
    </message>
    <message>
        <source>Photos that could not be published</source>
        <translation>Bilder som ikke kunne publiseres</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Bilde</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Årsak</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Hva som skjedde</translation>
    </message>
    <message>
        <source>Flickr: signed in as %1</source>
        <translation>Flickr: logget inn som %1</translation>
    </message>
    <message>
        <source>Flickr: no API key in Settings</source>
        <translation>Flickr: ingen API-nøkkel i innstillingene</translation>
    </message>
    <message>
        <source>Flickr: not signed in</source>
        <translation>Flickr: ikke logget inn</translation>
    </message>
    <message>
        <source>Flickr: %1</source>
        <translation>Flickr: %1</translation>
    </message>
    <message>
        <source>Looking for changes…</source>
        <translation>Ser etter endringer …</translation>
    </message>
    <message>
        <source>Sync started.</source>
        <translation>Synkroniseringen har startet.</translation>
    </message>
    <message>
        <source>Cancelling: the sync stops before its next call to Flickr…</source>
        <translation>Avbryter: synkroniseringen stopper før neste kall til Flickr …</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Starter</translation>
    </message>
    <message>
        <source>Checking what an earlier sync left open</source>
        <translation>Sjekker hva en tidligere synkronisering la igjen uavsluttet</translation>
    </message>
    <message>
        <source>Preparing clean copies</source>
        <translation>Lager rensede kopier</translation>
    </message>
    <message>
        <source>Uploading photos</source>
        <translation>Laster opp bilder</translation>
    </message>
    <message>
        <source>Updating albums</source>
        <translation>Oppdaterer album</translation>
    </message>
    <message>
        <source>Taking down what is no longer approved</source>
        <translation>Tar ned det som ikke lenger er godkjent</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Ferdig</translation>
    </message>
    <message>
        <source>Flickr allows %1 calls an hour; the sync waits until %2 and then goes on.</source>
        <translation>Flickr tillater %1 kall i timen; synkroniseringen venter til %2 og fortsetter da.</translation>
    </message>
    <message>
        <source>%1 of %2 sent</source>
        <translation>%1 av %2 sendt</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>Nå: %1</translation>
    </message>
    <message>
        <source>Sending %1</source>
        <translation>Sender %1</translation>
    </message>
    <message>
        <source>Making the clean copy of %1</source>
        <translation>Lager renset kopi av %1</translation>
    </message>
    <message>
        <source>Nothing to do: Flickr matches the approved sets.</source>
        <translation>Ingenting å gjøre: Flickr stemmer med de godkjente settene.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) planned.</source>
        <translation>
            <numerusform>%n endring planlagt.</numerusform>
            <numerusform>%n endringer planlagt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync done: %1 uploaded, %2 change(s), %3 set(s) published, %4 taken down.</source>
        <translation>Synkronisering ferdig: %1 lastet opp, %2 endring(er), %3 sett publisert, %4 tatt ned.</translation>
    </message>
    <message>
        <source>Settled %1 write(s) an interrupted sync had left open.</source>
        <translation>Avklarte %1 skriving(er) som en avbrutt synkronisering hadde latt stå åpne.</translation>
    </message>
    <message>
        <source>Failed: %1 — %2</source>
        <translation>Mislyktes: %1 — %2</translation>
    </message>
    <message>
        <source>Cancelled. What was done is kept; the next sync carries on.</source>
        <translation>Avbrutt. Det som ble gjort, beholdes; neste synkronisering fortsetter.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Avbrutt.</translation>
    </message>
    <message>
        <source>The sync stopped: %1</source>
        <translation>Synkroniseringen stoppet: %1</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Stoppet: %1</translation>
    </message>
    <message>
        <source>Sync running</source>
        <translation>Synkronisering pågår</translation>
    </message>
    <message>
        <source>A sync with Flickr is running. Stop it and close? What is already published stays, and the next sync carries on.</source>
        <translation>En synkronisering med Flickr pågår. Stoppe den og lukke? Det som allerede er publisert, blir liggende, og neste synkronisering fortsetter.</translation>
    </message>
</context>
<context>
    <name>TileDelegate</name>
    <message>
        <source>Portrait</source>
        <translation>Portrett</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Sak</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>GPS</source>
        <translation>GPS</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Serienr.</translation>
    </message>
    <message>
        <source>In set</source>
        <translation>I sett</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publisert</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>Forside</translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <source>draft</source>
        <translation>utkast</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>sendt til godkjenning</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>godkjent</translation>
    </message>
    <message>
        <source>published</source>
        <translation>publisert</translation>
    </message>
    <message>
        <source>changed since approval</source>
        <translation>endret etter godkjenning</translation>
    </message>
</context>
</TS>
