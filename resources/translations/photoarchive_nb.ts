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
    <name>ExportDialog</name>
    <message>
        <source>Export clean copies</source>
        <translation>Eksporter rene kopier</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) will be written as clean copies: no GPS position, serial number, owner&apos;s name or hidden preview, with the press information from the archive.</source>
        <translation>
            <numerusform>%n bilde skrives som ren kopi: uten GPS-posisjon, serienummer, eiernavn eller skjult forhåndsvisning, med presseopplysningene fra arkivet.</numerusform>
            <numerusform>%n bilder skrives som rene kopier: uten GPS-posisjon, serienummer, eiernavn eller skjult forhåndsvisning, med presseopplysningene fra arkivet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Velg …</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Mappe</translation>
    </message>
    <message>
        <source>Full size (image data unchanged)</source>
        <translation>Full størrelse (bildedata uendret)</translation>
    </message>
    <message>
        <source>Web size, %1 px on the long edge (re-encoded)</source>
        <translation>Nettstørrelse, %1 px på langsiden (kodet på nytt)</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Størrelse</translation>
    </message>
    <message>
        <source>Keep the capture date</source>
        <translation>Behold opptaksdatoen</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Eksporter</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Åpne mappen</translation>
    </message>
    <message>
        <source>Export clean copies to</source>
        <translation>Eksporter rene kopier til</translation>
    </message>
    <message numerus="yes">
        <source>%n clean copy(ies) written to %1.</source>
        <translation>
            <numerusform>%n ren kopi skrevet til %1.</numerusform>
            <numerusform>%n rene kopier skrevet til %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped: %n photo(s) not exported.</source>
        <translation>
            <numerusform>Stoppet: %n bilde ble ikke eksportert.</numerusform>
            <numerusform>Stoppet: %n bilder ble ikke eksportert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not exported:</source>
        <translation>Ikke eksportert:</translation>
    </message>
</context>
<context>
    <name>FullScreenPreview</name>
    <message>
        <source>Preview</source>
        <translation>Forhåndsvisning</translation>
    </message>
    <message>
        <source>← → previous / next · P C M confirm · Shift+P C M reject · Ctrl+R reviewed · Esc back</source>
        <translation>← → forrige / neste · P C M bekreft · Shift+P C M avvis · Ctrl+R gjennomgått · Esc tilbake</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 av %2</translation>
    </message>
    <message>
        <source>Loading preview…</source>
        <translation>Henter forhåndsvisning …</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Personal data in the original</source>
        <translation>Personopplysninger i originalen</translation>
    </message>
    <message>
        <source>Show all fields</source>
        <translation>Vis alle feltene</translation>
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
    <message numerus="yes">
        <source>(of the first %n)</source>
        <translation>
            <numerusform>(av det første %n)</numerusform>
            <numerusform>(av de første %n)</numerusform>
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
        <source>Hide the fields</source>
        <translation>Skjul feltene</translation>
    </message>
    <message>
        <source>No personal data found.</source>
        <translation>Ingen personopplysninger funnet.</translation>
    </message>
    <message>
        <source>Nothing that names a person or a place.</source>
        <translation>Ingenting som navngir en person eller et sted.</translation>
    </message>
    <message>
        <source>Removed before anything is published:</source>
        <translation>Fjernes før noe publiseres:</translation>
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
        <source>Add to set…</source>
        <translation>Legg til i sett …</translation>
    </message>
    <message>
        <source>Export clean copies…</source>
        <translation>Eksporter rene kopier…</translation>
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
        <source>Find</source>
        <translation>Søk</translation>
    </message>
    <message>
        <source>Save press information</source>
        <translation>Lagre presseopplysningene</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Avslutt</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Merk alle</translation>
    </message>
    <message>
        <source>Larger tiles</source>
        <translation>Større fliser</translation>
    </message>
    <message>
        <source>Smaller tiles</source>
        <translation>Mindre fliser</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Hurtigtaster</translation>
    </message>
    <message>
        <source>About Photo archive</source>
        <translation>Om Bildearkiv</translation>
    </message>
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
        <source>Needs review</source>
        <translation>Må gjennomgås</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>Sett</translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation>Karantene</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synkronisering</translation>
    </message>
    <message>
        <source>Full-screen preview</source>
        <translation>Fullskjermvisning</translation>
    </message>
    <message>
        <source>Confirm portrait</source>
        <translation>Bekreft portrett</translation>
    </message>
    <message>
        <source>Reject portrait</source>
        <translation>Avvis portrett</translation>
    </message>
    <message>
        <source>Confirm case photo</source>
        <translation>Bekreft saksbilde</translation>
    </message>
    <message>
        <source>Reject case photo</source>
        <translation>Avvis saksbilde</translation>
    </message>
    <message>
        <source>Confirm media / high-res</source>
        <translation>Bekreft media / høyoppløst</translation>
    </message>
    <message>
        <source>Reject media / high-res</source>
        <translation>Avvis media / høyoppløst</translation>
    </message>
    <message>
        <source>Order of the photos</source>
        <translation>Rekkefølgen på bildene</translation>
    </message>
    <message>
        <source>Name A–Z</source>
        <translation>Navn A–Å</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fil</translation>
    </message>
    <message>
        <source>Check archive…</source>
        <translation>Kontroller arkivet …</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>Sort</source>
        <translation>Sorter</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Fargetema</translation>
    </message>
    <message>
        <source>Dark grey</source>
        <translation>Mørkegrå</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Lys</translation>
    </message>
    <message>
        <source>&amp;Photo</source>
        <translation>&amp;Bilde</translation>
    </message>
    <message>
        <source>&amp;Set</source>
        <translation>S&amp;ett</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjelp</translation>
    </message>
    <message>
        <source>Inbox: starting…</source>
        <translation>Innboks: starter …</translation>
    </message>
    <message>
        <source>Tile size (Ctrl+plus / Ctrl+minus)</source>
        <translation>Flisstørrelse (Ctrl+pluss / Ctrl+minus)</translation>
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
        <source>confirmed</source>
        <translation>bekreftet</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>avvist</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Portrett</translation>
    </message>
    <message>
        <source>Case photo</source>
        <translation>Saksbilde</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 on %n photo(s)</source>
        <translation>
            <numerusform>%1 %2 på %n bilde</numerusform>
            <numerusform>%1 %2 på %n bilder</numerusform>
        </translation>
    </message>
    <message>
        <source>Arrow keys	move in the grid</source>
        <translation>Piltastene	flytter i rutenettet</translation>
    </message>
    <message>
        <source>Photo archive %1: the press office&apos;s archive of photos, with personal data removed before anything leaves it.</source>
        <translation>Bildearkiv %1: presseavdelingens bildearkiv, der personopplysninger fjernes før noe forlater det.</translation>
    </message>
    <message>
        <source>%1 is already in the archive; recorded as a duplicate.</source>
        <translation>%1 finnes allerede i arkivet; registrert som duplikat.</translation>
    </message>
    <message>
        <source>%1 could not be archived and was put in quarantine.</source>
        <translation>%1 kunne ikke arkiveres og ble lagt i karantene.</translation>
    </message>
    <message>
        <source>%1 could not be archived: the archive folder cannot be written (full disk, no access or gone). The file stays in the inbox.</source>
        <translation>%1 kunne ikke arkiveres: det går ikke å skrive til arkivmappen (full disk, ingen tilgang eller borte). Filen blir liggende i innboksen.</translation>
    </message>
    <message>
        <source>Show them</source>
        <translation>Vis dem</translation>
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
    <message numerus="yes">
        <source>%n new photo(s) from the inbox</source>
        <translation>
            <numerusform>%n nytt bilde fra innboksen</numerusform>
            <numerusform>%n nye bilder fra innboksen</numerusform>
        </translation>
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
    <message numerus="yes">
        <source>%n clean copy(ies) written.</source>
        <translation>
            <numerusform>%n ren kopi skrevet.</numerusform>
            <numerusform>%n rene kopier skrevet.</numerusform>
        </translation>
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
        <source>Flickr: signed in as %1</source>
        <translation>Flickr: logget inn som %1</translation>
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
        <source>Other data ({tag}): {excerpt}</source>
        <translation>Andre data ({tag}): {excerpt}</translation>
    </message>
    <message>
        <source>present</source>
        <translation>finnes</translation>
    </message>
</context>
<context>
    <name>PrivacyPanel</name>
    <message>
        <source>the camera maker&apos;s notes</source>
        <translation>kameraprodusentens notater</translation>
    </message>
    <message>
        <source>editing history</source>
        <translation>redigeringshistorikk</translation>
    </message>
    <message>
        <source>document IDs</source>
        <translation>dokument-ID-er</translation>
    </message>
    <message>
        <source>comments</source>
        <translation>kommentarer</translation>
    </message>
    <message>
        <source>data after the picture</source>
        <translation>data etter bildet</translation>
    </message>
    <message>
        <source>unknown data blocks</source>
        <translation>ukjente datablokker</translation>
    </message>
    <message>
        <source>text blocks</source>
        <translation>tekstblokker</translation>
    </message>
    <message>
        <source>date and time</source>
        <translation>dato og klokkeslett</translation>
    </message>
    <message>
        <source>software</source>
        <translation>programvare</translation>
    </message>
    <message>
        <source>camera and lens model</source>
        <translation>kamera- og objektivmodell</translation>
    </message>
    <message>
        <source>colour profile device</source>
        <translation>enhet i fargeprofilen</translation>
    </message>
    <message>
        <source>other metadata</source>
        <translation>andre metadata</translation>
    </message>
    <message>
        <source>near %1</source>
        <translation>nær %1</translation>
    </message>
    <message>
        <source>%1 km from %2</source>
        <translation>%1 km fra %2</translation>
    </message>
    <message>
        <source>Carries GPS data (no exact position found)</source>
        <translation>Har GPS-data (uten nøyaktig posisjon)</translation>
    </message>
    <message>
        <source>Shows where it was taken: %1</source>
        <translation>Viser hvor bildet ble tatt: %1</translation>
    </message>
    <message>
        <source>Names a place: %1</source>
        <translation>Navngir et sted: %1</translation>
    </message>
    <message>
        <source>Marks where faces or people are in the picture</source>
        <translation>Markerer hvor ansikter eller personer er i bildet</translation>
    </message>
    <message>
        <source>Owner&apos;s name: %1</source>
        <translation>Eierens navn: %1</translation>
    </message>
    <message>
        <source>Contact details: %1</source>
        <translation>Kontaktopplysninger: %1</translation>
    </message>
    <message>
        <source>Camera serial number: %1</source>
        <translation>Kameraets serienummer: %1</translation>
    </message>
    <message>
        <source>Embedded preview of the uncropped picture</source>
        <translation>Innebygd forhåndsvisning av det ubeskårne bildet</translation>
    </message>
    <message>
        <source>other data</source>
        <translation>andre data</translation>
    </message>
    <message>
        <source>Also: %1</source>
        <translation>Dessuten: %1</translation>
    </message>
    <message>
        <source>(1 field)</source>
        <translation>(1 felt)</translation>
    </message>
    <message>
        <source>(%1 fields)</source>
        <translation>(%1 felt)</translation>
    </message>
    <message>
        <source>None of the %1 selected photos has a GPS position, serial number or owner&apos;s name.</source>
        <translation>Ingen av de %1 valgte bildene har GPS-posisjon, serienummer eller eierens navn.</translation>
    </message>
    <message>
        <source>%1 of %2 have a GPS position</source>
        <translation>%1 av %2 har GPS-posisjon</translation>
    </message>
    <message>
        <source>%1 of %2 have a camera serial number</source>
        <translation>%1 av %2 har kameraets serienummer</translation>
    </message>
    <message>
        <source>%1 of %2 have the owner&apos;s name</source>
        <translation>%1 av %2 har eierens navn</translation>
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
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Vis detaljer …</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Skjul detaljer …</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Lagre alle</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åpne</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ja</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Ja til &amp;alle</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Nei</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>N&amp;ei til alle</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Prøv igjen</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Forkast</translation>
    </message>
    <message>
        <source>Don&apos;t Save</source>
        <translation>Ikke lagre</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>Lukk uten å lagre</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hjelp</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Bruk</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Tilbakestill</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Gjenopprett standardverdier</translation>
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
    <message>
        <source>Not a photo: a %1 file</source>
        <translation>Ikke et bilde: en %1-fil</translation>
    </message>
    <message>
        <source>Not a photo the archive can take</source>
        <translation>Ikke et bilde arkivet kan ta imot</translation>
    </message>
    <message>
        <source>The picture is damaged or incomplete and cannot be read</source>
        <translation>Bildet er skadet eller ufullstendig og kan ikke leses</translation>
    </message>
    <message>
        <source>The file is empty</source>
        <translation>Filen er tom</translation>
    </message>
    <message>
        <source>The picture is too large to open safely</source>
        <translation>Bildet er for stort til å åpnes trygt</translation>
    </message>
    <message>
        <source>Could not be archived</source>
        <translation>Kunne ikke arkiveres</translation>
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
        <source>Like %1</source>
        <translation>Som %1</translation>
    </message>
    <message>
        <source>My own rule (regular expression)</source>
        <translation>Egen regel (regulært uttrykk)</translation>
    </message>
    <message>
        <source>Case numbers look</source>
        <translation>Saksnumre ser slik ut</translation>
    </message>
    <message>
        <source>Type a folder or file name, e.g. 2026-123456/IMG_0001.jpg</source>
        <translation>Skriv et mappe- eller filnavn, f.eks. 2026-123456/IMG_0001.jpg</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>Prøv</translation>
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
        <source>Windows user name, then Enter</source>
        <translation>Windows-brukernavn, så Enter</translation>
    </message>
    <message>
        <source>Editors who may approve sets</source>
        <translation>Redaktører som kan godkjenne sett</translation>
    </message>
    <message>
        <source>Leave the list empty to let anyone approve.</source>
        <translation>La listen stå tom for å la alle godkjenne.</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Godkjenning</translation>
    </message>
    <message>
        <source>Shared archive</source>
        <translation>Felles arkiv</translation>
    </message>
    <message>
        <source>The rule is not a valid regular expression.</source>
        <translation>Regelen er ikke et gyldig regulært uttrykk.</translation>
    </message>
    <message>
        <source>Case number found: %1</source>
        <translation>Saksnummer funnet: %1</translation>
    </message>
    <message>
        <source>No case number found in this name.</source>
        <translation>Fant ikke noe saksnummer i dette navnet.</translation>
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
        <source>Open in browser</source>
        <translation>Åpne i nettleseren</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopier</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Prøv igjen</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Logg inn</translation>
    </message>
    <message>
        <source>Signing in needs the district&apos;s Flickr API key.</source>
        <translation>Innlogging krever distriktets API-nøkkel for Flickr.</translation>
    </message>
    <message>
        <source>No Flickr API key is set. Enter the key and secret under Settings → Flickr, then sign in.</source>
        <translation>Ingen API-nøkkel for Flickr er satt. Skriv inn nøkkelen og hemmeligheten under Innstillinger → Flickr, og logg så inn.</translation>
    </message>
    <message>
        <source>Open this address, allow the app on Flickr, then paste the code Flickr shows below.</source>
        <translation>Åpne denne adressen, gi programmet tilgang på Flickr, og lim inn koden Flickr viser, nedenfor.</translation>
    </message>
    <message>
        <source>Paste the code Flickr shows after you allowed the app.</source>
        <translation>Lim inn koden Flickr viser etter at du har gitt appen tilgang.</translation>
    </message>
    <message>
        <source>Flickr did not answer within %1 seconds. Check the network connection (and the endpoint in Settings → Flickr), then try again.</source>
        <translation>Flickr svarte ikke innen %1 sekunder. Sjekk nettverkstilkoblingen (og adressen under Innstillinger → Flickr), og prøv igjen.</translation>
    </message>
    <message>
        <source>No Flickr API key is set. Enter the key and secret under Settings → Flickr.</source>
        <translation>Ingen API-nøkkel for Flickr er satt. Skriv inn nøkkelen og hemmeligheten under Innstillinger → Flickr.</translation>
    </message>
    <message>
        <source>Flickr cannot be reached. Check the network connection (and the endpoint in Settings → Flickr), then try again.</source>
        <translation>Får ikke kontakt med Flickr. Sjekk nettverkstilkoblingen (og adressen under Innstillinger → Flickr), og prøv igjen.</translation>
    </message>
    <message>
        <source>Flickr did not accept the verification code (mistyped, or too old). Sign in again.</source>
        <translation>Flickr godtok ikke bekreftelseskoden (feilskrevet eller for gammel). Logg inn på nytt.</translation>
    </message>
    <message>
        <source>Flickr did not start the sign-in. Check the API key and secret in Settings → Flickr.</source>
        <translation>Flickr startet ikke innloggingen. Sjekk API-nøkkelen og hemmeligheten under Innstillinger → Flickr.</translation>
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
    <message>
        <source>Not checked</source>
        <translation>Ikke kontrollert</translation>
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
