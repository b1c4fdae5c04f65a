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
        <source>Decide first: may these be case photos?</source>
        <translation>Avgjør først: kan dette være saksbilder?</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Godkjenn</translation>
    </message>
    <message>
        <source>Approval goes ahead, but note:</source>
        <translation>Godkjenningen går gjennom, men merk:</translation>
    </message>
    <message>
        <source>It is a case photo</source>
        <translation>Det er et saksbilde</translation>
    </message>
    <message>
        <source>Not a case photo</source>
        <translation>Ikke et saksbilde</translation>
    </message>
    <message>
        <source>Could not be checked for personal data:</source>
        <translation>Kunne ikke sjekkes for personopplysninger:</translation>
    </message>
    <message>
        <source>Removed from the file:</source>
        <translation>Fjernes fra filen:</translation>
    </message>
    <message>
        <source>nothing (no personal data found)</source>
        <translation>ingenting (ingen personopplysninger funnet)</translation>
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
        <source>Published with:</source>
        <translation>Publiseres med:</translation>
    </message>
    <message>
        <source>Redaction: has a person looked at these case photos?</source>
        <translation>Sladding: har en person sett på disse saksbildene?</translation>
    </message>
    <message numerus="yes">
        <source>Its %n region(s) are right</source>
        <translation>
            <numerusform>Det markerte området er riktig</numerusform>
            <numerusform>De %n markerte områdene er riktige</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing in it needs hiding</source>
        <translation>Ingenting i bildet må skjules</translation>
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
    <name>CasesPage</name>
    <message>
        <source>Case</source>
        <translation>Sak</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tittel</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Public now</source>
        <translation>Offentlige nå</translation>
    </message>
    <message>
        <source>Close case</source>
        <translation>Avslutt sak</translation>
    </message>
    <message>
        <source>The next sync takes the case&apos;s public photos off Flickr.</source>
        <translation>Neste synkronisering tar sakens offentlige bilder ned fra Flickr.</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Bilde</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Avgjørelse</translation>
    </message>
    <message>
        <source>Why (kept in the audit log)</source>
        <translation>Hvorfor (lagres i revisjonsloggen)</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behold</translation>
    </message>
    <message>
        <source>Remove from archive</source>
        <translation>Fjern fra arkivet</translation>
    </message>
    <message>
        <source>Still public: the next sync takes these photos down.</source>
        <translation>Fortsatt offentlige: neste synkronisering tar disse bildene ned.</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) of closed cases are past their retention time: keep them (say why) or remove them.</source>
        <translation>
            <numerusform>%n bilde fra avsluttede saker har passert oppbevaringstiden: behold det (si hvorfor) eller fjern det.</numerusform>
            <numerusform>%n bilder fra avsluttede saker har passert oppbevaringstiden: behold dem (si hvorfor) eller fjern dem.</numerusform>
        </translation>
    </message>
    <message>
        <source>No case photos wait for a retention decision.</source>
        <translation>Ingen saksbilder venter på en avgjørelse om oppbevaring.</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>venter</translation>
    </message>
    <message>
        <source>kept: %1</source>
        <translation>beholdt: %1</translation>
    </message>
    <message>
        <source>removed: %1</source>
        <translation>fjernet: %1</translation>
    </message>
    <message>
        <source>Case %1 closed; the next sync takes its public photos down.</source>
        <translation>Sak %1 er avsluttet; neste synkronisering tar de offentlige bildene ned.</translation>
    </message>
    <message>
        <source>Decision recorded.</source>
        <translation>Avgjørelsen er registrert.</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Check archive</source>
        <translation>Kontroller arkivet</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starter …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Stopping after the file in progress…</source>
        <translation>Stopper etter filen som kontrolleres nå …</translation>
    </message>
    <message>
        <source>Comparing sizes and dates of the originals</source>
        <translation>Sammenligner størrelse og dato på originalene</translation>
    </message>
    <message>
        <source>Re-reading every original and comparing its checksum</source>
        <translation>Leser hver original på nytt og sammenligner kontrollsummen</translation>
    </message>
    <message>
        <source>Looking for originals the catalog does not know</source>
        <translation>Ser etter originaler katalogen ikke kjenner</translation>
    </message>
    <message>
        <source>Checking the quarantine folder</source>
        <translation>Kontrollerer karantenemappen</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 av %3</translation>
    </message>
    <message>
        <source>The check was cancelled before it finished.</source>
        <translation>Kontrollen ble avbrutt før den var ferdig.</translation>
    </message>
    <message>
        <source>The archive is whole.</source>
        <translation>Arkivet er helt.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) need attention.</source>
        <translation>
            <numerusform>%n problem må følges opp.</numerusform>
            <numerusform>%n problemer må følges opp.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) checked</source>
        <translation>
            <numerusform>%n bilde kontrollert</numerusform>
            <numerusform>%n bilder kontrollert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repaired</source>
        <translation>
            <numerusform>%n reparert</numerusform>
            <numerusform>%n reparert</numerusform>
        </translation>
    </message>
    <message>
        <source>The check could not run: %1</source>
        <translation>Kontrollen kunne ikke kjøres: %1</translation>
    </message>
    <message>
        <source>Changed since it was archived</source>
        <translation>Endret siden den ble arkivert</translation>
    </message>
    <message>
        <source>Size differs from the catalog</source>
        <translation>Størrelsen avviker fra katalogen</translation>
    </message>
    <message>
        <source>Modified after it was archived</source>
        <translation>Endret etter at den ble arkivert</translation>
    </message>
    <message>
        <source>Original missing</source>
        <translation>Originalen mangler</translation>
    </message>
    <message>
        <source>Original cannot be read</source>
        <translation>Originalen kan ikke leses</translation>
    </message>
    <message>
        <source>Unknown original added to the catalog</source>
        <translation>Ukjent original lagt inn i katalogen</translation>
    </message>
    <message>
        <source>Second copy of an archived photo (left in place)</source>
        <translation>Ekstra kopi av et arkivert bilde (ligger urørt)</translation>
    </message>
    <message>
        <source>Unknown file that is not a photo (left in place)</source>
        <translation>Ukjent fil som ikke er et bilde (ligger urørt)</translation>
    </message>
    <message>
        <source>Thumbnail made again</source>
        <translation>Miniatyrbildet er laget på nytt</translation>
    </message>
    <message>
        <source>Thumbnail could not be made</source>
        <translation>Miniatyrbildet kunne ikke lages</translation>
    </message>
    <message>
        <source>Quarantined file missing</source>
        <translation>Filen i karantene mangler</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed on another desk</source>
        <translation>Endret på en annen pult</translation>
    </message>
    <message>
        <source>Reload theirs shows their version (what you typed is dropped). Keep mine saves your version on top of theirs.</source>
        <translation>Hent deres viser den andres versjon (det du skrev, forkastes). Behold min lagrer din versjon over deres.</translation>
    </message>
    <message>
        <source>Reload theirs</source>
        <translation>Hent deres</translation>
    </message>
    <message>
        <source>Keep mine (overwrite)</source>
        <translation>Behold min (overskriv)</translation>
    </message>
</context>
<context>
    <name>ConflictWords</name>
    <message>
        <source>caption</source>
        <translation>bildetekst</translation>
    </message>
    <message>
        <source>keywords</source>
        <translation>nøkkelord</translation>
    </message>
    <message>
        <source>headline</source>
        <translation>overskrift</translation>
    </message>
    <message>
        <source>byline</source>
        <translation>fotograf (byline)</translation>
    </message>
    <message>
        <source>credit</source>
        <translation>kreditering</translation>
    </message>
    <message>
        <source>copyright</source>
        <translation>opphavsrett</translation>
    </message>
    <message>
        <source>case number</source>
        <translation>saksnummer</translation>
    </message>
    <message>
        <source>title</source>
        <translation>tittel</translation>
    </message>
    <message>
        <source>description</source>
        <translation>beskrivelse</translation>
    </message>
    <message>
        <source>visibility</source>
        <translation>synlighet</translation>
    </message>
    <message>
        <source>licence</source>
        <translation>lisens</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>merkelapper</translation>
    </message>
    <message>
        <source>group pool</source>
        <translation>gruppe</translation>
    </message>
    <message>
        <source>cover</source>
        <translation>forsidebilde</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 og %2</translation>
    </message>
    <message>
        <source>%1 changed this set (%2) at %3</source>
        <translation>%1 endret dette settet (%2) kl. %3</translation>
    </message>
    <message>
        <source>%1 changed this set at %3</source>
        <translation>%1 endret dette settet kl. %3</translation>
    </message>
    <message>
        <source>%1 changed %2 at %3</source>
        <translation>%1 endret %2 kl. %3</translation>
    </message>
    <message>
        <source>%1 changed this photo at %3</source>
        <translation>%1 endret dette bildet kl. %3</translation>
    </message>
    <message>
        <source>Someone on another desk saved this while you were editing.</source>
        <translation>Noen på en annen pult lagret dette mens du redigerte.</translation>
    </message>
    <message>
        <source>while you were editing.</source>
        <translation>mens du redigerte.</translation>
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
    <message>
        <source>could not be checked for personal data (%1), so no copy leaves the archive</source>
        <translation>kunne ikke sjekkes for personopplysninger (%1), så ingen kopi forlater arkivet</translation>
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
        <source>Redaction…</source>
        <translation>Sladding…</translation>
    </message>
    <message>
        <source>Hide faces, plates or documents in the published copy (Ctrl+Shift+R)</source>
        <translation>Skjul ansikter, skilt eller dokumenter i den publiserte kopien (Ctrl+Shift+R)</translation>
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
        <source>Select one photo to redact.</source>
        <translation>Velg ett bilde som skal sladdes.</translation>
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
        <source>Could not be checked for personal data: %1. It is never published or exported.</source>
        <translation>Kunne ikke sjekkes for personopplysninger: %1. Bildet blir aldri publisert eller eksportert.</translation>
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
        <source>by case words in the folder or file name</source>
        <translation>ut fra saksord i mappe- eller filnavnet</translation>
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
    <message>
        <source>What you typed is kept; when you save, you choose whose version stays.</source>
        <translation>Det du har skrevet, beholdes; når du lagrer, velger du hvilken versjon som blir stående.</translation>
    </message>
</context>
<context>
    <name>LiveRefresh</name>
    <message>
        <source>The shared archive cannot be reached — retrying</source>
        <translation>Får ikke kontakt med det felles arkivet — prøver igjen</translation>
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
        <source>Order of the photos</source>
        <translation>Rekkefølgen på bildene</translation>
    </message>
    <message>
        <source>Name A–Z</source>
        <translation>Navn A–Å</translation>
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
    <name>PeoplePage</name>
    <message>
        <source>Only consents that end in the next 30 days</source>
        <translation>Bare samtykker som utløper de neste 30 dagene</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Employee id / role</source>
        <translation>Ansattnummer / rolle</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Samtykke</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>Bruk</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Utløper</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publisert</translation>
    </message>
    <message>
        <source>Employee id or role</source>
        <translation>Ansattnummer eller rolle</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>Legg til person</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>Utløper</translation>
    </message>
    <message>
        <source>Record consent</source>
        <translation>Registrer samtykke</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>Trekk samtykke</translation>
    </message>
    <message>
        <source>The next sync takes this person&apos;s published photos off Flickr.</source>
        <translation>Neste synkronisering tar personens publiserte bilder ned fra Flickr.</translation>
    </message>
    <message numerus="yes">
        <source>%n published photo(s) show someone whose consent no longer allows Flickr; the next sync takes them down.</source>
        <translation>
            <numerusform>%n publisert bilde viser noen som ikke lenger har gyldig samtykke til Flickr; neste synkronisering tar det ned.</numerusform>
            <numerusform>%n publiserte bilder viser noen som ikke lenger har gyldig samtykke til Flickr; neste synkronisering tar dem ned.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the person&apos;s name first.</source>
        <translation>Skriv inn personens navn først.</translation>
    </message>
    <message>
        <source>%1 added to the register.</source>
        <translation>%1 er lagt til i registeret.</translation>
    </message>
    <message>
        <source>Consent recorded.</source>
        <translation>Samtykket er registrert.</translation>
    </message>
    <message>
        <source>Consent withdrawn. The next sync takes the published photos down.</source>
        <translation>Samtykket er trukket. Neste synkronisering tar de publiserte bildene ned.</translation>
    </message>
</context>
<context>
    <name>PeopleWords</name>
    <message>
        <source>given</source>
        <translation>gitt</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>venter på svar</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>trukket</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>ikke nødvendig</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>ikke registrert</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>internt</translation>
    </message>
    <message>
        <source>Flickr</source>
        <translation>Flickr</translation>
    </message>
    <message>
        <source>press</source>
        <translation>presse</translation>
    </message>
    <message>
        <source>no consent is recorded</source>
        <translation>ingen samtykke er registrert</translation>
    </message>
    <message>
        <source>consent was asked for and is still pending</source>
        <translation>samtykke er bedt om, men ikke besvart</translation>
    </message>
    <message>
        <source>consent was withdrawn</source>
        <translation>samtykket er trukket</translation>
    </message>
    <message>
        <source>consent expired on {expires}</source>
        <translation>samtykket utløp {expires}</translation>
    </message>
    <message>
        <source>consent was given, but not for {use}</source>
        <translation>samtykke er gitt, men ikke til {use}</translation>
    </message>
    <message>
        <source>open</source>
        <translation>åpen</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>avsluttet</translation>
    </message>
    <message>
        <source>change consent</source>
        <translation>endre samtykke</translation>
    </message>
    <message>
        <source>close a case</source>
        <translation>avslutte en sak</translation>
    </message>
    <message>
        <source>reopen a case</source>
        <translation>gjenåpne en sak</translation>
    </message>
    <message>
        <source>schedule a case&apos;s take-down</source>
        <translation>sette dato for nedtak av en sak</translation>
    </message>
    <message>
        <source>decide on a case photo&apos;s retention</source>
        <translation>avgjøre oppbevaring av et saksbilde</translation>
    </message>
    <message>
        <source>Only editors ({editors}) may {what}; you are {user}.</source>
        <translation>Bare redaktører ({editors}) kan {what}; du er {user}.</translation>
    </message>
    <message>
        <source>Say what the consent is for (internal, Flickr, press).</source>
        <translation>Si hva samtykket gjelder (internt, Flickr, presse).</translation>
    </message>
    <message>
        <source>Say why these photos are kept past their retention time.</source>
        <translation>Si hvorfor bildene beholdes etter oppbevaringstiden.</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <source>consent: %1</source>
        <translation>samtykke: %1</translation>
    </message>
    <message>
        <source>Who is this? Type to find the person in the register.</source>
        <translation>Hvem er dette? Skriv for å finne personen i personregisteret.</translation>
    </message>
    <message>
        <source>Name, employee id or role</source>
        <translation>Navn, ansattnummer eller rolle</translation>
    </message>
    <message>
        <source>This is the person</source>
        <translation>Dette er personen</translation>
    </message>
    <message>
        <source>Add “%1” to the register</source>
        <translation>Legg «%1» til i personregisteret</translation>
    </message>
</context>
<context>
    <name>PhotoListModel</name>
    <message>
        <source>No valid consent for publishing: someone in this photo has not consented</source>
        <translation>Mangler gyldig samtykke til publisering: noen på dette bildet har ikke samtykket</translation>
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
        <source>GPS fields without a position ({tag}): {excerpt}</source>
        <translation>GPS-felt uten posisjon ({tag}): {excerpt}</translation>
    </message>
    <message>
        <source>Hidden bytes inside the file ({tag}): {excerpt}</source>
        <translation>Skjulte byte inne i filen ({tag}): {excerpt}</translation>
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
    <name>PrivacyNote</name>
    <message>
        <source>{lat}° {ns} {lon}° {ew}</source>
        <translation>{lat}° {ns} {lon}° {ew}</translation>
    </message>
    <message>
        <source>empty GPS directory</source>
        <translation>tom GPS-katalog</translation>
    </message>
    <message>
        <source>GPS directory with {count} fields, no position</source>
        <translation>GPS-katalog med {count} felt, uten posisjon</translation>
    </message>
    <message>
        <source>coordinates 0° 0° (no position fix)</source>
        <translation>koordinatene 0° 0° (ingen posisjonsbestemmelse)</translation>
    </message>
    <message>
        <source>GeoTIFF map position</source>
        <translation>kartposisjon (GeoTIFF)</translation>
    </message>
    <message>
        <source>{count} bytes</source>
        <translation>{count} byte</translation>
    </message>
    <message>
        <source>{count} bytes: {text}</source>
        <translation>{count} byte: {text}</translation>
    </message>
    <message>
        <source>{count} values</source>
        <translation>{count} verdier</translation>
    </message>
    <message>
        <source>{width}×{height} pixels</source>
        <translation>{width}×{height} piksler</translation>
    </message>
    <message>
        <source>thumbnail image of the photo</source>
        <translation>miniatyrbilde av bildet</translation>
    </message>
    <message>
        <source>further image in the file</source>
        <translation>enda et bilde i filen</translation>
    </message>
    <message>
        <source>{count} bytes holding a JPEG image</source>
        <translation>{count} byte med et JPEG-bilde</translation>
    </message>
    <message>
        <source>{count} images in the file (secondary images after the end of the main one)</source>
        <translation>{count} bilder i filen (tilleggsbilder etter slutten av hovedbildet)</translation>
    </message>
    <message>
        <source>multi-picture index</source>
        <translation>register over flere bilder (MPF)</translation>
    </message>
    <message>
        <source>{count} top-level images in the file</source>
        <translation>{count} bilder på øverste nivå i filen</translation>
    </message>
    <message>
        <source>{count} thumbnail images</source>
        <translation>{count} miniatyrbilder</translation>
    </message>
    <message>
        <source>{count} depth images</source>
        <translation>{count} dybdebilder</translation>
    </message>
    <message>
        <source>{type} ({count})</source>
        <translation>{type} ({count})</translation>
    </message>
    <message>
        <source>{names}</source>
        <translation>{names}</translation>
    </message>
    <message>
        <source>{names} and {more} more</source>
        <translation>{names} og {more} til</translation>
    </message>
    <message>
        <source>content credentials (C2PA) with {count} manifests</source>
        <translation>innholdsopphav (C2PA) med {count} manifester</translation>
    </message>
    <message>
        <source>unreadable: {reason}</source>
        <translation>uleselig: {reason}</translation>
    </message>
    <message>
        <source>malformed</source>
        <translation>feilformet</translation>
    </message>
    <message>
        <source>{count} fields</source>
        <translation>{count} felt</translation>
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
    <message>
        <source>None of the %1 selected photos has a GPS position, serial number or owner&apos;s name.</source>
        <translation>Ingen av de %1 valgte bildene har GPS-posisjon, serienummer eller eierens navn.</translation>
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
    <name>RedactionDialog</name>
    <message>
        <source>Redaction: needs review</source>
        <translation>Sladding: må kontrolleres</translation>
    </message>
    <message>
        <source>Redaction: nothing recorded</source>
        <translation>Sladding: ingenting registrert</translation>
    </message>
    <message>
        <source>Redaction: regions confirmed by %1</source>
        <translation>Sladding: områdene bekreftet av %1</translation>
    </message>
    <message>
        <source>Redaction: nothing to redact (checked by %1)</source>
        <translation>Sladding: ingenting å sladde (kontrollert av %1)</translation>
    </message>
    <message>
        <source>Redaction: %1</source>
        <translation>Sladding: %1</translation>
    </message>
    <message>
        <source>Drag on the photo to draw a region to hide. Delete removes the selected region. The published copy is made with these regions burnt in; the original is never changed.</source>
        <translation>Dra på bildet for å tegne et område som skal skjules. Delete fjerner det valgte området. Den publiserte kopien lages med disse områdene brent inn; originalen endres aldri.</translation>
    </message>
    <message>
        <source>Find faces</source>
        <translation>Finn ansikter</translation>
    </message>
    <message>
        <source>Search the full-size original for faces and add them as regions.</source>
        <translation>Søk etter ansikter i originalen i full størrelse og legg dem til som områder.</translation>
    </message>
    <message>
        <source>Fill:</source>
        <translation>Fyll:</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>Boks</translation>
    </message>
    <message>
        <source>Mosaic</source>
        <translation>Mosaikk</translation>
    </message>
    <message>
        <source>The fill of new regions and of the selected one.</source>
        <translation>Fyllet for nye områder og for det valgte.</translation>
    </message>
    <message>
        <source>This is…</source>
        <translation>Dette er …</translation>
    </message>
    <message>
        <source>Say who the selected box shows: links the person to the photo (for their consent).</source>
        <translation>Si hvem den valgte boksen viser: knytter personen til bildet (for samtykket deres).</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Regions confirmed</source>
        <translation>Områdene er kontrollert</translation>
    </message>
    <message>
        <source>Save, and record that you checked every region.</source>
        <translation>Lagre, og registrer at du har kontrollert hvert område.</translation>
    </message>
    <message>
        <source>Nothing to redact</source>
        <translation>Ingenting å sladde</translation>
    </message>
    <message>
        <source>Record that this photo shows nothing that must be hidden.</source>
        <translation>Registrer at bildet ikke viser noe som må skjules.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>No preview available</source>
        <translation>Ingen forhåndsvisning tilgjengelig</translation>
    </message>
    <message>
        <source>There are no regions to confirm; use “Nothing to redact” instead.</source>
        <translation>Det er ingen områder å bekrefte; bruk «Ingenting å sladde» i stedet.</translation>
    </message>
    <message>
        <source>The photo has regions: remove them first, or confirm them.</source>
        <translation>Bildet har områder: fjern dem først, eller bekreft dem.</translation>
    </message>
    <message>
        <source>A region is outside the picture or has no area.</source>
        <translation>Et område ligger utenfor bildet eller har ingen flate.</translation>
    </message>
    <message>
        <source>Could not save the redaction: %1</source>
        <translation>Kunne ikke lagre sladdingen: %1</translation>
    </message>
    <message>
        <source>Not saved yet.</source>
        <translation>Ikke lagret ennå.</translation>
    </message>
    <message numerus="yes">
        <source>%n region(s)</source>
        <translation>
            <numerusform>%n område</numerusform>
            <numerusform>%n områder</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Lagret.</translation>
    </message>
    <message>
        <source>Saved; the regions are confirmed.</source>
        <translation>Lagret; områdene er bekreftet.</translation>
    </message>
    <message>
        <source>Recorded: nothing to redact.</source>
        <translation>Registrert: ingenting å sladde.</translation>
    </message>
    <message>
        <source>Searching for faces…</source>
        <translation>Søker etter ansikter…</translation>
    </message>
    <message numerus="yes">
        <source>%n new face(s) found.</source>
        <translation>
            <numerusform>%n nytt ansikt funnet.</numerusform>
            <numerusform>%n nye ansikter funnet.</numerusform>
        </translation>
    </message>
    <message>
        <source>In this photo: %1</source>
        <translation>På dette bildet: %1</translation>
    </message>
    <message>
        <source>%1 is linked to this photo.</source>
        <translation>%1 er knyttet til dette bildet.</translation>
    </message>
    <message>
        <source>Unsaved regions</source>
        <translation>Områder som ikke er lagret</translation>
    </message>
    <message>
        <source>Save the regions before closing?</source>
        <translation>Lagre områdene før du lukker?</translation>
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
    <name>RedactionPreviews</name>
    <message>
        <source>What the case photos will show once published</source>
        <translation>Slik blir saksbildene seende ut når de publiseres</translation>
    </message>
    <message>
        <source>Making the preview…</source>
        <translation>Lager forhåndsvisningen …</translation>
    </message>
    <message>
        <source>Published copy of %1, regions hidden</source>
        <translation>Publisert kopi av %1, med områdene skjult</translation>
    </message>
    <message numerus="yes">
        <source>%n region(s) hidden</source>
        <translation>
            <numerusform>%n område skjult</numerusform>
            <numerusform>%n områder skjult</numerusform>
        </translation>
    </message>
    <message>
        <source>Open in the redaction editor…</source>
        <translation>Åpne i sladderedigeringen …</translation>
    </message>
    <message>
        <source>No preview available</source>
        <translation>Ingen forhåndsvisning tilgjengelig</translation>
    </message>
</context>
<context>
    <name>RequestFollower</name>
    <message>
        <source>Waiting for the archive&apos;s sync service…</source>
        <translation>Venter på arkivets synkroniseringstjeneste …</translation>
    </message>
    <message>
        <source>Asked the archive&apos;s sync service to publish (request %1); it is shown here as it runs.</source>
        <translation>Ba arkivets synkroniseringstjeneste publisere (forespørsel %1); den vises her mens den går.</translation>
    </message>
    <message>
        <source>A sync asked for by %1 is running on the archive&apos;s sync service.</source>
        <translation>En synkronisering som %1 ba om, kjører på arkivets synkroniseringstjeneste.</translation>
    </message>
    <message>
        <source>The sync cannot be stopped from here: %1</source>
        <translation>Synkroniseringen kan ikke stoppes herfra: %1</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Ferdig</translation>
    </message>
    <message>
        <source>The sync service has not answered for %1 seconds; the sync carries on where it stopped when the service runs again.</source>
        <translation>Synkroniseringstjenesten har ikke svart på %1 sekunder; synkroniseringen fortsetter der den stoppet når tjenesten kjører igjen.</translation>
    </message>
    <message>
        <source>No sync service has taken the request after %1 seconds: is `photoarchive watch` running on the machine that holds the Flickr sign-in? The request waits for it.</source>
        <translation>Ingen synkroniseringstjeneste har tatt forespørselen etter %1 sekunder: kjører `photoarchive watch` på maskinen som har Flickr-påloggingen? Forespørselen venter på den.</translation>
    </message>
</context>
<context>
    <name>SetNotice</name>
    <message>
        <source>{name} is a case photo whose redaction nobody has reviewed: check its regions, or mark that there is nothing to hide.</source>
        <translation>{name} er et saksbilde der ingen har gått gjennom sladdingen: sjekk områdene, eller marker at det ikke er noe å skjule.</translation>
    </message>
    <message>
        <source>The album has no title.</source>
        <translation>Albumet har ingen tittel.</translation>
    </message>
    <message>
        <source>The set has no photos (a Flickr album needs at least one).</source>
        <translation>Settet har ingen bilder (et Flickr-album trenger minst ett).</translation>
    </message>
    <message>
        <source>Photo {photo_id} is no longer in the catalog.</source>
        <translation>Bilde {photo_id} finnes ikke lenger i katalogen.</translation>
    </message>
    <message>
        <source>{name} could not be checked for personal data ({reason}), so it is never published; take it out of the set.</source>
        <translation>{name} kunne ikke sjekkes for personopplysninger ({reason}), og blir derfor aldri publisert; ta det ut av settet.</translation>
    </message>
    <message>
        <source>{name} cannot be made clean for publishing: {reason}</source>
        <translation>{name} kan ikke renses for publisering: {reason}</translation>
    </message>
    <message>
        <source>{name} may be a case photo ({why}). Decide whether it is before a {visibility} set is approved.</source>
        <translation>{name} kan være et saksbilde ({why}). Avgjør om det er det før et sett med synlighet «{visibility}» godkjennes.</translation>
    </message>
    <message>
        <source>{name} is a case photo and the set is public: give the reason it may be published.</source>
        <translation>{name} er et saksbilde og settet er offentlig: oppgi hvorfor det likevel kan publiseres.</translation>
    </message>
    <message>
        <source>The album has no description.</source>
        <translation>Albumet har ingen beskrivelse.</translation>
    </message>
    <message>
        <source>{name} has no caption or headline.</source>
        <translation>{name} har verken bildetekst eller overskrift.</translation>
    </message>
    <message>
        <source>{name} has no byline or credit of its own; it is published with “{default}”.</source>
        <translation>{name} har ingen egen fotograf eller kreditering; det publiseres med «{default}».</translation>
    </message>
    <message>
        <source>Only {approvers} may approve sets; you are {user}.</source>
        <translation>Bare {approvers} kan godkjenne sett; du er {user}.</translation>
    </message>
    <message>
        <source>You ({user}) submitted this set, so someone else must approve it.</source>
        <translation>Du ({user}) sendte inn dette settet, så en annen må godkjenne det.</translation>
    </message>
    <message>
        <source>The set has no photos; add photos before submitting it.</source>
        <translation>Settet har ingen bilder; legg til bilder før du sender det inn.</translation>
    </message>
    <message>
        <source>The set is already submitted and waits for approval.</source>
        <translation>Settet er allerede sendt inn og venter på godkjenning.</translation>
    </message>
    <message>
        <source>The set is already approved; changes to it need a new approval.</source>
        <translation>Settet er allerede godkjent; endringer i det må godkjennes på nytt.</translation>
    </message>
    <message>
        <source>The set is approved and has not changed since.</source>
        <translation>Settet er godkjent og har ikke endret seg siden.</translation>
    </message>
    <message>
        <source>The set is a draft; submit it before approving.</source>
        <translation>Settet er et utkast; send det inn før det godkjennes.</translation>
    </message>
    <message>
        <source>The set is not approved, so there is nothing to revoke.</source>
        <translation>Settet er ikke godkjent, så det er ingen godkjenning å trekke tilbake.</translation>
    </message>
    <message>
        <source>Only an approved set can be published.</source>
        <translation>Bare et godkjent sett kan publiseres.</translation>
    </message>
    <message>
        <source>{name} has no byline or credit; it is published without one.</source>
        <translation>{name} har ingen fotograf eller kreditering; det publiseres uten.</translation>
    </message>
    <message>
        <source>a case number in its folder or file name</source>
        <translation>et saksnummer i mappe- eller filnavnet</translation>
    </message>
    <message>
        <source>case words in its folder or file name</source>
        <translation>saksord i mappe- eller filnavnet</translation>
    </message>
    <message>
        <source>it carries case number {case_number}</source>
        <translation>det har saksnummer {case_number}</translation>
    </message>
    <message>
        <source>the case category was suggested</source>
        <translation>kategorien sak ble foreslått</translation>
    </message>
    <message>
        <source>its metadata could not be read when it was archived</source>
        <translation>metadataene kunne ikke leses da det ble arkivert</translation>
    </message>
    <message>
        <source>the privacy scan failed: {detail}</source>
        <translation>personvernsjekken feilet: {detail}</translation>
    </message>
    <message>
        <source>the original is missing from the archive</source>
        <translation>originalen mangler i arkivet</translation>
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
    <message>
        <source>{name} shows {person}, whose consent does not allow Flickr: {why}.</source>
        <translation>{name} viser {person}, som ikke har gyldig samtykke til Flickr: {why}.</translation>
    </message>
</context>
<context>
    <name>SetWords</name>
    <message>
        <source>draft</source>
        <translation>utkast</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>sendt inn</translation>
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
        <translation>endret etter godkjenningen</translation>
    </message>
    <message>
        <source>created</source>
        <translation>opprettet</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>endret</translation>
    </message>
    <message>
        <source>approved case photos with a reason</source>
        <translation>godkjente saksbilder med begrunnelse</translation>
    </message>
    <message>
        <source>approval revoked</source>
        <translation>godkjenningen trukket tilbake</translation>
    </message>
    <message>
        <source>published on Flickr</source>
        <translation>publisert på Flickr</translation>
    </message>
    <message>
        <source>taken down from Flickr</source>
        <translation>tatt ned fra Flickr</translation>
    </message>
    <message>
        <source>repaired on Flickr</source>
        <translation>rettet opp på Flickr</translation>
    </message>
    <message>
        <source>Photos: %1</source>
        <translation>Bilder: %1</translation>
    </message>
    <message>
        <source>Case photos: %1</source>
        <translation>Saksbilder: %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Begrunnelse: %1</translation>
    </message>
    <message>
        <source>Visibility: %1</source>
        <translation>Synlighet: %1</translation>
    </message>
    <message>
        <source>Title: %1</source>
        <translation>Tittel: %1</translation>
    </message>
    <message>
        <source>Was: %1</source>
        <translation>Var: %1</translation>
    </message>
    <message>
        <source>Warnings: %1</source>
        <translation>Advarsler: %1</translation>
    </message>
    <message>
        <source>a photo no longer in the archive</source>
        <translation>et bilde som ikke lenger er i arkivet</translation>
    </message>
    <message>
        <source>All Rights Reserved</source>
        <translation>Alle rettigheter forbeholdt</translation>
    </message>
    <message>
        <source>No known copyright restrictions</source>
        <translation>Ingen kjente begrensninger i opphavsretten</translation>
    </message>
    <message>
        <source>United States Government Work</source>
        <translation>Verk fra amerikanske myndigheter</translation>
    </message>
    <message>
        <source>Public Domain Dedication (CC0)</source>
        <translation>Gitt fri til allmennheten (CC0)</translation>
    </message>
    <message>
        <source>Public Domain Mark</source>
        <translation>Merket som fritt til bruk for alle (PDM)</translation>
    </message>
    <message>
        <source>the title</source>
        <translation>tittelen</translation>
    </message>
    <message>
        <source>the description</source>
        <translation>beskrivelsen</translation>
    </message>
    <message>
        <source>the visibility</source>
        <translation>synligheten</translation>
    </message>
    <message>
        <source>the licence</source>
        <translation>lisensen</translation>
    </message>
    <message>
        <source>the group</source>
        <translation>gruppen</translation>
    </message>
    <message>
        <source>the tags</source>
        <translation>merkelappene</translation>
    </message>
    <message>
        <source>the cover</source>
        <translation>forsidebildet</translation>
    </message>
    <message>
        <source>the order of the photos</source>
        <translation>rekkefølgen på bildene</translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation>%1 lagt til</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation>%1 tatt ut</translation>
    </message>
    <message>
        <source>the file of %1</source>
        <translation>filen til %1</translation>
    </message>
    <message>
        <source>the headline of %1</source>
        <translation>overskriften til %1</translation>
    </message>
    <message>
        <source>the caption of %1</source>
        <translation>bildeteksten til %1</translation>
    </message>
    <message>
        <source>the keywords of %1</source>
        <translation>stikkordene til %1</translation>
    </message>
    <message>
        <source>the byline of %1</source>
        <translation>fotografnavnet til %1</translation>
    </message>
    <message>
        <source>the credit of %1</source>
        <translation>krediteringen til %1</translation>
    </message>
    <message>
        <source>the copyright of %1</source>
        <translation>opphavsretten til %1</translation>
    </message>
    <message>
        <source>the case number of %1</source>
        <translation>saksnummeret til %1</translation>
    </message>
    <message>
        <source>the redaction of %1</source>
        <translation>sladdingen av %1</translation>
    </message>
    <message>
        <source>other details</source>
        <translation>andre detaljer</translation>
    </message>
    <message>
        <source>changed since approval: %1</source>
        <translation>endret etter godkjenningen: %1</translation>
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
        <source>Sets were changed on another desk; your album details are kept until you save.</source>
        <translation>Sett ble endret på en annen pult; albumopplysningene dine beholdes til du lagrer.</translation>
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
    <name>SharedArchivePage</name>
    <message>
        <source>Several desks share one archive through a PostgreSQL catalog and a shared folder. Leave the server empty for this desk&apos;s own archive.</source>
        <translation>Flere arbeidsplasser deler ett arkiv gjennom en PostgreSQL-katalog og en delt mappe. La serveren stå tom for denne arbeidsplassens eget arkiv.</translation>
    </message>
    <message>
        <source>Catalog server:</source>
        <translation>Katalogserver:</translation>
    </message>
    <message>
        <source>Shared folder:</source>
        <translation>Delt mappe:</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Test tilkoblingen</translation>
    </message>
    <message>
        <source>This desk keeps its own archive (no server).</source>
        <translation>Denne arbeidsplassen har sitt eget arkiv (ingen server).</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Kobler til …</translation>
    </message>
    <message>
        <source>no archive role — ask IT to add you</source>
        <translation>ingen arkivrolle – be IT om å legge deg til</translation>
    </message>
    <message>
        <source>Connected to %1 (PostgreSQL %2) as %3 (%4).</source>
        <translation>Koblet til %1 (PostgreSQL %2) som %3 (%4).</translation>
    </message>
    <message>
        <source>You may approve sets.</source>
        <translation>Du kan godkjenne sett.</translation>
    </message>
    <message>
        <source>You may not approve sets (editors do).</source>
        <translation>Du kan ikke godkjenne sett (det gjør redaktørene).</translation>
    </message>
    <message>
        <source>Cannot reach the shared catalog on %1: %2</source>
        <translation>Får ikke kontakt med den delte katalogen på %1: %2</translation>
    </message>
    <message>
        <source>The connection test failed: %1</source>
        <translation>Tilkoblingstesten mislyktes: %1</translation>
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
    <message>
        <source>People</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Saker</translation>
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
        <source>Flickr: published by the archive&apos;s sync service</source>
        <translation>Flickr: publiseres av arkivets synkroniseringstjeneste</translation>
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
        <source>Flickr&apos;s answer to the upload of {file} was lost and a search does not show the photo yet; the next sync looks again before anything is sent again.</source>
        <translation>Svaret fra Flickr på opplastingen av {file} gikk tapt, og et søk viser ikke bildet ennå; neste synkronisering ser etter igjen før noe sendes på nytt.</translation>
    </message>
    <message>
        <source>{file}: the upload whose answer was lost is on Flickr after all.</source>
        <translation>{file}: opplastingen der svaret gikk tapt, er likevel på Flickr.</translation>
    </message>
    <message>
        <source>{file} was on Flickr {count} times; the extra copies were deleted.</source>
        <translation>{file} lå {count} ganger på Flickr; de ekstra kopiene ble slettet.</translation>
    </message>
    <message>
        <source>{file} is on Flickr {count} times and the extra copies could not be deleted: {reason}</source>
        <translation>{file} ligger {count} ganger på Flickr, og de ekstra kopiene kunne ikke slettes: {reason}</translation>
    </message>
    <message>
        <source>{file} was still not found on Flickr {minutes} minutes after its answer was lost; it is sent again with Flickr&apos;s duplicate check.</source>
        <translation>{file} var fortsatt ikke å finne på Flickr {minutes} minutter etter at svaret gikk tapt; det sendes på nytt med Flickrs duplikatkontroll.</translation>
    </message>
    <message>
        <source>Flickr&apos;s duplicate check found {file} already on Flickr; that copy is used.</source>
        <translation>Flickrs duplikatkontroll fant {file} allerede på Flickr; den kopien brukes.</translation>
    </message>
    <message>
        <source>{file} was deleted on flickr.com; it is uploaded again.</source>
        <translation>{file} ble slettet på flickr.com; det lastes opp på nytt.</translation>
    </message>
    <message>
        <source>{file} had been taken out of the album «{album}» on flickr.com; it is put back.</source>
        <translation>{file} var tatt ut av albumet «{album}» på flickr.com; det legges tilbake.</translation>
    </message>
    <message>
        <source>The title or description of {file} was changed on flickr.com; the approved text is set back.</source>
        <translation>Tittelen eller beskrivelsen til {file} ble endret på flickr.com; den godkjente teksten settes tilbake.</translation>
    </message>
    <message>
        <source>Who may see {file} was changed on flickr.com ({seen}); it is set back to {wanted}.</source>
        <translation>Hvem som kan se {file}, ble endret på flickr.com ({seen}); det settes tilbake til {wanted}.</translation>
    </message>
    <message>
        <source>The tag that lets the sync find {file} again was removed on flickr.com; the approved tags are set back.</source>
        <translation>Emneordet som lar synkroniseringen finne {file} igjen, ble fjernet på flickr.com; de godkjente emneordene settes tilbake.</translation>
    </message>
    <message>
        <source>The album «{album}» was deleted on flickr.com; it is made again.</source>
        <translation>Albumet «{album}» ble slettet på flickr.com; det lages på nytt.</translation>
    </message>
    <message>
        <source>The album «{album}» was renamed «{seen}» on flickr.com; the approved title is set back.</source>
        <translation>Albumet «{album}» ble omdøpt til «{seen}» på flickr.com; den godkjente tittelen settes tilbake.</translation>
    </message>
    <message>
        <source>{file} was deleted on flickr.com during the sync; the next sync uploads it again.</source>
        <translation>{file} ble slettet på flickr.com under synkroniseringen; neste synkronisering laster det opp på nytt.</translation>
    </message>
    <message>
        <source>{file} has more tags than the {limit} Flickr keeps; {dropped} keyword(s) were left out.</source>
        <translation>{file} har flere emneord enn de {limit} Flickr tar vare på; {dropped} emneord ble utelatt.</translation>
    </message>
    <message>
        <source>{file} changed, but a free Flickr account cannot replace a photo: its title, description and tags are updated and the image on Flickr stays as it was.</source>
        <translation>{file} er endret, men en gratis Flickr-konto kan ikke erstatte et bilde: tittel, beskrivelse og emneord oppdateres, og bildet på Flickr forblir som det var.</translation>
    </message>
    <message>
        <source>Flickr answered that the account is not Pro (replace error 1); {file} keeps its old image.</source>
        <translation>Flickr svarte at kontoen ikke er Pro (feil 1 ved erstatning); {file} beholder det gamle bildet.</translation>
    </message>
    <message>
        <source>{file} is {size} MB, more than the {limit} MB this Flickr account takes.</source>
        <translation>{file} er {size} MB, mer enn de {limit} MB denne Flickr-kontoen tar imot.</translation>
    </message>
    <message>
        <source>This is a free Flickr account: it holds {have} of {limit} photos, and this sync would upload {count} more. Nothing was uploaded; upgrade the account to Pro or take photos out of approved sets.</source>
        <translation>Dette er en gratis Flickr-konto: den har {have} av {limit} bilder, og denne synkroniseringen ville lastet opp {count} til. Ingenting ble lastet opp; oppgrader kontoen til Pro eller ta bilder ut av godkjente sett.</translation>
    </message>
    <message>
        <source>{file} was taken off Flickr ({how}) and out of its albums: {why}.</source>
        <translation>{file} ble tatt ned fra Flickr ({how}) og ut av albumene sine: {why}.</translation>
    </message>
    <message>
        <source>The Flickr sign-in only allows &apos;{perms}&apos;. The sync needs &apos;delete&apos;, to remove an extra copy Flickr can make when an answer is lost. Sign in again (Flickr: Sign in…, or `photoarchive flickr login`).</source>
        <translation>Innloggingen hos Flickr tillater bare «{perms}». Synkroniseringen trenger «delete» for å kunne fjerne en ekstra kopi Flickr kan lage når et svar går tapt. Logg inn på nytt (Flickr: Logg inn …, eller `photoarchive flickr login`).</translation>
    </message>
    <message>
        <source>The sync service on {runner} started the sync (attempt {attempt}).</source>
        <translation>Synkroniseringstjenesten på {runner} startet synkroniseringen (forsøk {attempt}).</translation>
    </message>
    <message>
        <source>The sync service running this sync stopped before it finished; the sync carries on where it left off.</source>
        <translation>Synkroniseringstjenesten som kjørte denne synkroniseringen, stoppet før den var ferdig; synkroniseringen fortsetter der den slapp.</translation>
    </message>
    <message>
        <source>The sync service was stopped; the sync carries on when it starts again.</source>
        <translation>Synkroniseringstjenesten ble stoppet; synkroniseringen fortsetter når den starter igjen.</translation>
    </message>
    <message>
        <source>Sending {file}</source>
        <translation>Sender {file}</translation>
    </message>
    <message>
        <source>Making the clean copy of {file}</source>
        <translation>Lager renset kopi av {file}</translation>
    </message>
    <message>
        <source>{file}</source>
        <translation>{file}</translation>
    </message>
    <message>
        <source>Flickr allows {limit} calls an hour; the sync waits until {until} and then goes on.</source>
        <translation>Flickr tillater {limit} kall i timen; synkroniseringen venter til {until} og fortsetter da.</translation>
    </message>
    <message>
        <source>Failed: {file} — {reason}</source>
        <translation>Mislyktes: {file} — {reason}</translation>
    </message>
    <message>
        <source>Sync done: {uploaded} uploaded, {changes} change(s), {published} set(s) published, {taken_down} taken down.</source>
        <translation>Synkronisering ferdig: {uploaded} lastet opp, {changes} endring(er), {published} sett publisert, {taken_down} tatt ned.</translation>
    </message>
    <message>
        <source>Settled {count} write(s) an interrupted sync had left open.</source>
        <translation>Avklarte {count} skriving(er) som en avbrutt synkronisering hadde latt stå åpne.</translation>
    </message>
    <message>
        <source>The sync stopped: {reason}</source>
        <translation>Synkroniseringen stoppet: {reason}</translation>
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
    <message>
        <source>{subject} has no consent on record</source>
        <translation>{subject} har ikke registrert samtykke</translation>
    </message>
    <message>
        <source>{subject}&apos;s consent is still pending</source>
        <translation>samtykket fra {subject} er ikke avklart ennå</translation>
    </message>
    <message>
        <source>{subject} withdrew consent</source>
        <translation>{subject} trakk samtykket</translation>
    </message>
    <message>
        <source>{subject}&apos;s consent expired</source>
        <translation>samtykket fra {subject} er utløpt</translation>
    </message>
    <message>
        <source>{subject}&apos;s consent does not cover Flickr</source>
        <translation>samtykket fra {subject} gjelder ikke Flickr</translation>
    </message>
    <message>
        <source>case {subject} is closed</source>
        <translation>sak {subject} er avsluttet</translation>
    </message>
    <message>
        <source>case {subject} reached its take-down date</source>
        <translation>sak {subject} har nådd datoen for nedtak</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>slettet</translation>
    </message>
    <message>
        <source>made private</source>
        <translation>gjort privat</translation>
    </message>
    <message>
        <source>Sync running</source>
        <translation>Synkronisering pågår</translation>
    </message>
    <message>
        <source>A sync with Flickr is running. Stop it and close? What is already published stays, and the next sync carries on.</source>
        <translation>En synkronisering med Flickr pågår. Stoppe den og lukke? Det som allerede er publisert, blir liggende, og neste synkronisering fortsetter.</translation>
    </message>
    <message>
        <source>{file}: no clean copy can be made, so it is not published: {reason}</source>
        <translation>{file}: ingen renset kopi kan lages, så bildet publiseres ikke: {reason}</translation>
    </message>
    <message>
        <source>Only an editor may ask for a sync; {login} is not one. The syncs editors ask for are shown here as they run.</source>
        <translation>Bare en redaktør kan be om en synkronisering; {login} er ikke redaktør. Synkroniseringene redaktørene ber om, vises her mens de går.</translation>
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
        <translation>Ikke sjekket</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>Uten samtykke</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>Find</source>
        <translation>Søk</translation>
    </message>
    <message>
        <source>Save press information</source>
        <translation>Lagre presseopplysningene</translation>
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
        <source>Redaction…</source>
        <translation>Sladding…</translation>
    </message>
    <message>
        <source>Remove from archive…</source>
        <translation>Fjern fra arkivet…</translation>
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
        <source>Arrow keys	move in the grid</source>
        <translation>Piltastene	flytter i rutenettet</translation>
    </message>
    <message>
        <source>Photo archive %1: the press office&apos;s archive of photos, with personal data removed before anything leaves it.</source>
        <translation>Bildearkiv %1: presseavdelingens bildearkiv, der personopplysninger fjernes før noe forlater det.</translation>
    </message>
</context>
<context>
    <name>WindowCommands</name>
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
        <source>Settings saved.</source>
        <translation>Innstillingene er lagret.</translation>
    </message>
</context>
<context>
    <name>WindowCulling</name>
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
    <message>
        <source>Media / high-res</source>
        <translation>Media / høyoppløst</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 on %n photo(s)</source>
        <translation>
            <numerusform>%1 %2 på %n bilde</numerusform>
            <numerusform>%1 %2 på %n bilder</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowGrid</name>
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
</context>
<context>
    <name>WindowStatus</name>
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
    <message numerus="yes">
        <source>%n published photo(s) must come off Flickr: the next sync takes them down.</source>
        <translation>
            <numerusform>%n publisert bilde må fjernes fra Flickr: neste synkronisering tar det ned.</numerusform>
            <numerusform>%n publiserte bilder må fjernes fra Flickr: neste synkronisering tar dem ned.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show people</source>
        <translation>Vis personer</translation>
    </message>
    <message>
        <source>%1 is already in the archive; recorded as a duplicate.</source>
        <translation>%1 finnes allerede i arkivet; registrert som duplikat.</translation>
    </message>
    <message>
        <source>%1 could not be archived and was put in quarantine.</source>
        <translation>%1 kunne ikke arkiveres og ble lagt i karantene.</translation>
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
        <source>%1 could not be archived: the archive folder cannot be written (full disk, no access or gone). The file stays in the inbox.</source>
        <translation>%1 kunne ikke arkiveres: det går ikke å skrive til arkivmappen (full disk, ingen tilgang eller borte). Filen blir liggende i innboksen.</translation>
    </message>
    <message numerus="yes">
        <source>%n new photo(s) from the inbox</source>
        <translation>
            <numerusform>%n nytt bilde fra innboksen</numerusform>
            <numerusform>%n nye bilder fra innboksen</numerusform>
        </translation>
    </message>
    <message>
        <source>Show them</source>
        <translation>Vis dem</translation>
    </message>
    <message>
        <source>Photo archive</source>
        <translation>Bildearkiv</translation>
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
        <source>Inbox not watched</source>
        <translation>Innboksen overvåkes ikke</translation>
    </message>
    <message>
        <source>The inbox cannot be watched: %1</source>
        <translation>Innboksen kan ikke overvåkes: %1</translation>
    </message>
    <message>
        <source>Flickr: signed in as %1</source>
        <translation>Flickr: logget inn som %1</translation>
    </message>
</context>
</TS>
