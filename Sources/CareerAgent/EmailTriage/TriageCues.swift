/// The phrases that carry a message's meaning, folded (lower case, no accents), in English, German,
/// French, Spanish, Dutch and Portuguese. Each category's phrases carry a weight: a phrase that
/// decides on its own ("we regret to inform you") weighs 3, one that only leans (an "unfortunately")
/// weighs 1.
enum TriageCues {
    typealias Weighted = [(phrase: String, weight: Double)]

    static let rejection: Weighted = [
        ("regret to inform", 3), ("not to move forward", 3), ("not be moving forward", 3), ("not moving forward", 3),
        ("won't be moving forward", 3), ("will not be moving forward", 3), ("decided to move forward with other", 3),
        ("move forward with other candidates", 3), ("moving forward with other candidates", 3), ("decided to pursue other", 3),
        ("pursue other candidates", 3), ("other candidates whose", 3), ("candidates whose experience more closely", 3),
        ("more closely aligns", 2), ("more closely matches", 2), ("more closely match", 2), ("position has been filled", 3),
        ("role has been filled", 3), ("position has now been filled", 3), ("we have filled the", 3), ("not been selected", 3),
        ("were not selected", 3), ("you have not been", 2), ("not selected for", 3), ("will not be proceeding", 3),
        ("not proceed with your application", 3), ("not be proceeding", 3), ("unable to offer you", 3), ("unable to move forward", 3),
        ("won't be extending", 3), ("will not be extending", 3), ("not be extending an offer", 3), ("not extending an offer", 3),
        ("selected another", 3), ("will not move forward", 3), ("not move forward", 3), ("status: not selected", 3),
        ("uns fur eine bewerberin entschieden", 3), ("uns fur einen bewerber entschieden", 3), ("fur eine bewerberin entschieden", 3),
        ("fur einen bewerber entschieden", 3), ("fur einen anderen bewerber", 3), ("nicht als wertung", 2.5), ("weiteren beruflichen weg", 2),
        ("nao iremos dar seguimento", 3), ("dar seguimento", 1.5), ("selected other", 2.5), ("chosen another", 3), ("chose another", 3), ("have chosen to", 1.5),
        ("not be considered", 2.5), ("no longer being considered", 3), ("more suitable", 2), ("not shortlisted", 3), ("not been shortlisted", 3),
        ("not to invite you", 3), ("not be inviting you", 3), ("won't be inviting you", 3), ("not able to offer", 3), ("not selected", 2.5),
        // Italian
        ("purtroppo", 1.5), ("altri candidati", 2.5), ("non e stata selezionata", 3), ("non proseguire", 3), ("non potremo", 2),
        ("abbiamo deciso di proseguire con", 3), ("esito negativo", 3), ("non e stato selezionato", 3),
        ("sorry to say", 2), ("not what you were hoping", 3), ("came up as a gap", 2), ("a gap in", 1),
        ("cannot offer you", 3), ("decided not to", 2), ("not a fit", 2), ("not the right fit", 2), ("not the right match", 2),
        ("keep your resume on file", 2), ("keep your cv on file", 2), ("keep your details on file", 2), ("keep your information on file", 2),
        ("future opportunities", 1), ("wish you the best", 1), ("wish you every success", 1), ("best of luck in your", 1.5),
        ("best of luck with your", 1.5), ("unfortunately", 1.5), ("after careful consideration", 1.5), ("we will not be", 1.5),
        ("no longer under consideration", 3), ("not to proceed", 3), ("closed the position", 2), ("no longer considering", 3),
        ("have decided to go with", 2), ("went with another candidate", 3), ("gone with another candidate", 3),
        ("another candidate", 1.5), ("to another candidate", 3), ("other applicants", 1), ("unable to move you forward", 3),
        ("not able to move you forward", 3), ("not moving you forward", 3), ("move you forward", 0.5), ("not be progressing", 3),
        ("not progressing", 2.5), ("won't be progressing", 3), ("will not be progressing", 3), ("unable to progress", 3),
        ("different direction", 2.5), ("closer fit", 2), ("better fit for the role", 1.5), ("stronger match", 2),
        ("won't be moving ahead", 3), ("not moving ahead", 3), ("move ahead with other", 3), ("proceed with other", 3),
        ("pursue other applicants", 3), ("disappointing news", 3), ("not the news you", 3), ("hard to tell you", 2),
        ("harder to tell you", 2.5), ("encourage you to apply", 1.5), ("consider applying again", 2), ("apply again", 1.5),
        ("very close decision", 2), ("close decision", 1.5), ("offer the position to", 2.5), ("offer the role to", 2.5),
        ("extend the offer", 1), ("internal candidate", 2), ("internal hire", 1.5), ("decided to close", 2), ("on hold", 1.5),
        ("not been successful", 3), ("were unsuccessful", 3), ("regret", 1.5), ("we are sorry to", 2), ("sorry to let you know", 3), ("not successful", 2.5), ("unsuccessful", 2.5), ("the position is no longer", 2),
        // German
        ("leider", 1.5), ("absage", 3), ("anderen kandidaten", 2.5), ("andere kandidaten", 2), ("anderen bewerber", 2.5),
        ("nicht berucksichtigen", 3), ("fur einen anderen", 2.5), ("fur eine andere", 2.5), ("anderweitig", 2.5), ("nicht in betracht", 3),
        ("nicht in die nahere auswahl", 3), ("uns entschieden", 1.5), ("entschieden, die stelle", 2), ("nicht weiterverfolgen", 3), ("leider mitteilen", 3), ("nicht weiter", 2), ("anderen kandidatin", 2.5), ("absagen", 3), ("nicht weiter berucksichtigen", 3), ("nicht in die engere wahl", 3), ("nicht weiterverfolgen", 3),
        ("gegen ihre bewerbung", 3), ("gegen dich entschieden", 3), ("gegen sie entschieden", 3), ("nicht fur sie entschieden", 3),
        ("keine positive nachricht", 3), ("viel erfolg fur ihre", 1.5), ("alles gute fur ihren", 1.5), ("alles gute fur ihre", 1.5),
        // French
        ("malheureusement", 1.5), ("pas retenu", 3), ("ne pas donner suite", 3), ("pas pu donner une suite", 3), ("pas donner suite", 3),
        ("d'autres candidats", 2.5), ("d'autres profils", 2.5), ("pas ete retenue", 3), ("pas ete retenu", 3), ("regrettons", 2),
        ("au regret de", 3), ("pas de suite", 3), ("ne donnerons pas suite", 3), ("pas ete selectionne", 3), ("pas pu retenir", 3), ("autre candidat", 2.5), ("ne pourrons pas", 2.5), ("bonne continuation", 1.5), ("reponse negative", 3), ("ne correspond pas", 2),
        // Spanish
        ("lamentablemente", 1.5), ("desafortunadamente", 1.5), ("lamentamos informarte", 3), ("lamentamos informarle", 3),
        ("otros candidatos", 2.5), ("no continuar", 2.5), ("no seguir adelante", 3), ("no ha sido seleccionad", 3),
        ("no has sido seleccionad", 3), ("no ha resultado", 2.5), ("hemos decidido continuar con", 3), ("hemos decidido avanzar con", 3),
        ("no podemos avanzar", 3), ("no seguiremos", 3), ("otra persona", 2), ("otra candidatura", 2.5), ("otras candidaturas", 2.5), ("no avanzar", 2.5), ("otro candidato", 2), ("exito en tu busqueda", 1.5), ("exito en su busqueda", 1.5),
        // Dutch
        ("helaas", 1.5), ("afwijzing", 3), ("andere kandidaten", 2.5), ("andere kandidaat", 2.5), ("niet verder", 2.5),
        ("niet door naar", 3), ("niet meenemen", 3), ("andere kandidaat gekozen", 3), ("gekozen voor", 2), ("niet verder gaan", 3), ("afgewezen", 3), ("succes met je verdere", 1.5), ("succes met uw", 1),
        // Portuguese
        ("infelizmente", 1.5), ("outros candidatos", 2.5), ("nao seguir", 2.5), ("nao foi selecionad", 3), ("nao avancar", 2.5), ("nao avancaremos", 3),
        ("nao dar seguimento", 3), ("nao dar continuidade", 3), ("nao iremos avancar", 3), ("decidimos avancar com", 3),
        ("nao seguiremos", 3), ("outra pessoa", 2), ("outra candidatura", 2.5),
        ("outro candidato", 2), ("sucesso na sua", 1), ("sucesso em sua", 1),
    ]

    static let offer: Weighted = [
        ("offer letter", 3), ("extend an offer", 3), ("extend you an offer", 3), ("extending an offer", 3), ("extend a formal offer", 3),
        ("pleased to offer you", 3), ("happy to offer you", 3), ("delighted to offer you", 3), ("thrilled to offer you", 3),
        ("excited to offer you", 3), ("offer of employment", 3), ("employment offer", 3), ("job offer", 2.5), ("verbal offer", 3),
        ("formal offer", 3), ("written offer", 3), ("your offer", 2), ("the offer", 1), ("accept the offer", 2.5), ("accept this offer", 2.5),
        ("offer details", 2.5), ("offer package", 3), ("compensation package", 1.5), ("base salary", 1.5), ("signing bonus", 2),
        ("sign-on bonus", 2), ("equity grant", 1.5), ("stock options", 1), ("start date", 1), ("welcome aboard", 2),
        ("welcome to the team", 2), ("offer expires", 3), ("countersign", 2), ("docusign", 1), ("contingent upon", 1.5),
        ("background check", 1), ("congratulations", 1.5),
        // Italian
        ("proposta di assunzione", 3), ("lettera di assunzione", 3), ("offerta di lavoro", 2), ("contratto", 1.5), ("benvenuto", 1.5),
        ("benvenuta", 1.5), ("congratulazioni", 2), ("your contract", 2.5), ("employment contract", 2.5), ("contract attached", 2.5),
        ("attached contract", 2.5), ("love to have you join", 3), ("have you on board", 2.5), ("join us as", 2), ("offer you the position", 3), ("offer you the role", 3),
        ("we'd like to offer", 3), ("we would like to offer", 3), ("pleased to extend", 3), ("happy to extend", 3), ("excited to extend", 3),
        ("offer for the", 1.5), ("formal offer letter", 3), ("sign the offer", 3), ("review and sign", 2), ("annual salary", 1.5),
        ("relocation", 0.5), ("accept by", 2), ("please let us know your decision", 2),
        // German
        ("vertragsangebot", 3), ("vertragsunterlagen", 2.5), ("freuen uns, ihnen", 1.5), ("arbeitsvertrag", 2), ("jobangebot", 3), ("angebot zu unterbreiten", 3), ("ein angebot", 2),
        ("unser angebot", 2.5), ("zusage", 2.5), ("herzlichen gluckwunsch", 2), ("willkommen im team", 2), ("einstiegsdatum", 1.5),
        ("jahresgehalt", 1.5), ("eintrittsdatum", 1.5),
        // French
        ("offre d'emploi", 2), ("offre d'embauche", 3), ("date d'entree", 1.5), ("salaire annuel", 1.5), ("proposition d'embauche", 3), ("promesse d'embauche", 3), ("lettre d'offre", 3), ("vous proposer le poste", 3),
        ("felicitations", 2), ("bienvenue dans l'equipe", 2), ("date de debut", 1), ("remuneration", 1),
        // Spanish
        ("oferta de empleo", 2), ("propuesta de incorporacion", 3), ("incorporacion", 1.5), ("te damos la bienvenida", 2.5), ("propuesta de contratacion", 3), ("carta de oferta", 3), ("fecha de incorporacion", 1.5), ("oferta laboral", 3), ("oferta de trabajo", 2), ("carta oferta", 3), ("ofrecerte el puesto", 3),
        ("felicidades", 2), ("enhorabuena", 2), ("bienvenido al equipo", 2), ("bienvenida al equipo", 2), ("salario base", 1.5),
        // Dutch
        ("aanbod", 2), ("arbeidsvoorwaarden", 2), ("contractvoorstel", 3), ("startdatum", 1.5), ("arbeidsovereenkomst", 2), ("gefeliciteerd", 2), ("welkom in het team", 2), ("aanbieding", 1.5),
        // Portuguese
        ("proposta de emprego", 3), ("proposta de admissao", 3), ("admissao", 1.5), ("proposta de contratacao", 3), ("contratacao", 1.5), ("data de inicio", 1.5), ("salario", 1), ("proposta de trabalho", 3), ("carta proposta", 3), ("parabens", 2), ("bem-vindo", 1.5),
    ]

    static let interview: Weighted = [
        ("invite you to an interview", 3), ("invite you to interview", 3), ("invite you for an interview", 3), ("invite you to a", 1.5),
        ("schedule an interview", 3), ("schedule your interview", 3), ("schedule a call", 1.5), ("interview invitation", 3),
        ("invitation to interview", 3), ("interview with", 2), ("interview confirmation", 3), ("confirm your interview", 3),
        ("your interview", 1.5), ("an interview", 1.5), ("phone screen", 2.5), ("phone interview", 3), ("video interview", 3),
        ("technical interview", 3), ("onsite interview", 3), ("on-site interview", 3), ("final interview", 3), ("final round", 2),
        ("next round", 2), ("next step", 1), ("next steps", 1), ("meet with", 1), ("speak with you", 1), ("chat with", 0.5),
        ("interview", 0.75), ("interview confirmed", 3), ("you're all set", 1.5), ("colloquio", 2), ("ti invitiamo", 1.5), ("la invitiamo", 1.5), ("incontrarti", 1.5),
        ("meet the crew", 2.5), ("come meet", 2), ("stop by", 1.5), ("hiring manager", 0.5), ("panel", 0.5), ("in-person interview", 3), ("in person interview", 3),
        ("we'd like to meet", 2.5), ("would like to meet", 2.5), ("like to meet you", 2.5), ("come by", 1.5), ("come in", 1),
        ("meet the team", 2), ("speak with", 0.5), ("conversation", 0.5), ("screening call", 2.5), ("intro call", 1.5),
        ("virtual interview", 3), ("zoom interview", 3), ("teams interview", 3), ("panel interview", 3), ("interview is scheduled", 3),
        ("interview has been scheduled", 3), ("interview is confirmed", 3), ("looking forward to speaking", 1.5),
        ("look forward to meeting", 1.5), ("see you on", 1.5), ("interview details", 3), ("interview slot", 3), ("calendar invite", 2), ("calendar invitation", 2),
        ("zoom", 0.5), ("google meet", 0.5), ("microsoft teams", 0.5), ("teams meeting", 0.5), ("join the meeting", 1), ("meeting link", 1),
        ("we'd like to invite", 2), ("we would like to invite", 2), ("like to move you forward", 2), ("moving you forward", 2),
        ("move forward with your application", 2), ("advance to the next", 2), ("invited to", 1),
        // German
        ("vorstellungsgesprach", 3), ("bewerbungsgesprach", 3), ("kennenlerngesprach", 3), ("einladung zum", 2.5), ("einladen", 1.5),
        ("personliches gesprach", 2.5), ("telefoninterview", 3), ("videointerview", 3), ("gesprach", 1),
        // French
        ("entretien", 2), ("vous rencontrer", 2), ("vous inviter", 1.5), ("convocation", 2), ("rencontrer", 1),
        // Spanish
        ("entrevista", 2), ("conocerte", 1.5), ("conocerle", 1.5), ("invitarte", 1.5), ("invitarle", 1.5), ("reunion", 0.5),
        // Dutch
        ("sollicitatiegesprek", 3), ("kennismakingsgesprek", 3), ("gesprek", 1.5), ("uitnodiging", 2), ("uitnodigen", 1.5),
        // Portuguese
        ("convidar", 1.5), ("convite", 1.5),
    ]

    static let reschedule: Weighted = [
        ("reschedule", 3), ("rescheduled", 3), ("re-schedule", 3), ("move your interview", 3), ("moved your interview", 3),
        ("need to move", 2.5), ("have to move", 2), ("push your interview", 3), ("postpone", 2.5), ("postponed", 2.5),
        ("change the time", 2.5), ("change of time", 3), ("new time", 2.5), ("updated time", 3), ("time change", 3),
        ("updated invitation", 3), ("updated invite", 3), ("updated:", 1.5), ("has been moved", 3), ("been moved to", 3),
        ("moved to", 1.5), ("instead of", 1), ("cancel your interview", 2.5), ("need to cancel", 2), ("has been cancelled", 2),
        ("has been canceled", 2), ("conflict", 1), ("new date", 2.5), ("different time", 2), ("moved your", 3), ("i've moved", 3),
        ("we've moved", 3), ("have moved", 2), ("rearrange", 1.5), ("not going to make", 2.5), ("need to change the time?", -2.5), ("change the time?", -2), ("moving to", 1.5), ("moving our", 2.5), ("moving your", 2.5),
        ("nuova data", 3), ("nuovo orario", 3), ("spostare", 3), ("spostato", 3), ("rinviare", 3), ("need to reschedule?", -2.5),
        ("reschedule?", -1.5), ("push our", 2.5), ("push the", 1.5),
        ("pushed", 1.5), ("move our", 2.5), ("move the interview", 3), ("move it to", 2), ("later in the week", 1.5), ("earlier", 0.5),
        ("prepone", 3), ("preponed", 3), ("bring forward", 2.5), ("brought forward", 2.5), ("moved up", 2), ("shift", 1),
        ("can we do", 1), ("instead", 1), ("unfortunately the interviewer", 2.5), ("is no longer available", 2.5), ("something came up", 2),
        ("have to cancel", 2.5), ("cancel tomorrow", 2.5), ("cancel our", 2.5), ("cancel the interview", 2.5), ("could we do", 1.5),
        ("reschedule or cancel", -2.5), ("cancel or reschedule", -2.5), ("link to reschedule", -2), ("reschedule link", -2),
        ("absagen", 1), ("annuler", 2), ("cancelar", 2), ("afzeggen", 2.5), ("desmarcar", 2.5),
        // German
        ("verschieben", 3), ("terminverschiebung", 3), ("umplanen", 3), ("neue uhrzeit", 3), ("verlegen", 3), ("verschoben", 3), ("neuer termin", 3), ("neuen termin", 3), ("terminanderung", 3),
        // French
        ("reporter l'entretien", 3), ("decaler", 3), ("decale", 2.5), ("nouvel horaire", 3), ("nouvelle date", 3),
        // Spanish
        ("reprogramar", 3), ("cambio de horario", 3), ("cambio de hora", 3), ("cambiar la entrevista", 3), ("mover la entrevista", 3), ("reprogramada", 3), ("reprogramado", 3), ("cambiar la hora", 3), ("nueva fecha", 3), ("nuevo horario", 3),
        // Dutch
        ("verzetten", 3), ("verplaatsen", 3), ("verplaatst", 3), ("nieuwe tijd", 3), ("nieuw tijdstip", 3),
        // Portuguese
        ("reagendar", 3), ("remarcar", 3), ("reagendada", 3), ("nova data", 3), ("novo horario", 3),
    ]

    static let applicationReceived: Weighted = [
        ("thank you for applying", 3), ("thanks for applying", 3), ("thank you for your application", 3), ("thanks for your application", 3),
        ("received your application", 3), ("application has been received", 3), ("application was received", 3),
        ("we have received your", 2.5), ("we've received your", 2.5), ("application has been submitted", 3), ("application submitted", 3),
        ("successfully submitted", 3), ("successfully applied", 3), ("application is under review", 2.5), ("under review", 1.5),
        ("reviewing your application", 2), ("review your application", 2), ("will review your", 2), ("will be in touch", 1.5),
        ("we'll be in touch", 1.5), ("get back to you", 1), ("if your qualifications", 2), ("if your skills", 2), ("if there's a match", 2),
        ("thank you for your interest", 2), ("thanks for your interest", 2), ("application confirmation", 3), ("confirming your application", 3),
        ("your application for", 1.5), ("your application to", 1.5), ("application received", 3), ("a bien ete envoyee", 3),
        ("bien ete envoyee", 3), ("candidature envoyee", 3), ("conferma ricezione", 3), ("abbiamo ricevuto", 3), ("candidatura ricevuta", 3),
        ("grazie per la tua candidatura", 3), ("grazie per la candidatura", 3), ("acknowledge receipt", 3), ("acknowledgement", 2),
        ("we acknowledge", 2.5), ("got your resume", 3),
        ("received your resume", 3), ("received your cv", 3), ("thanks for sending", 2), ("thanks for your resume", 3),
        ("application is in", 2.5), ("got your application", 3), ("we got your", 2), ("we'll review", 2), ("we will review", 2), ("currently reviewing", 2), ("has been forwarded", 1.5),
        ("your application was sent", 3), ("application was sent", 3), ("you applied", 2.5), ("applied on", 1.5),
        ("status of your application", 1.5), ("application status", 1.5), ("still under review", 2.5), ("in review", 1.5),
        // German
        ("vielen dank fur ihre bewerbung", 3), ("danke fur deine bewerbung", 3), ("vielen dank fur deine bewerbung", 3),
        ("bewerbung erhalten", 3), ("eingang ihrer bewerbung", 3), ("eingangsbestatigung", 3), ("ihre bewerbung ist bei uns eingegangen", 3),
        ("bewerbung ist eingegangen", 3), ("melden uns", 1.5), ("prufen ihre unterlagen", 2),
        // French
        ("merci pour votre candidature", 3), ("merci de votre candidature", 3), ("candidature a bien ete recue", 3), ("avons bien recu", 3),
        ("accuse de reception", 3), ("reviendrons vers vous", 1.5), ("etudier votre candidature", 2),
        // Spanish
        ("gracias por tu solicitud", 3), ("gracias por su solicitud", 3), ("gracias por postularte", 3), ("gracias por tu candidatura", 3),
        ("hemos recibido tu", 3), ("hemos recibido su", 3), ("recibido tu candidatura", 3), ("revisaremos", 1.5), ("nos pondremos en contacto", 1.5),
        // Dutch
        ("bedankt voor je sollicitatie", 3), ("bedankt voor uw sollicitatie", 3), ("dank voor je sollicitatie", 3),
        ("sollicitatie ontvangen", 3), ("hebben je sollicitatie", 2.5), ("hebben uw sollicitatie", 2.5), ("ontvangstbevestiging", 3),
        // Portuguese
        ("obrigado por se candidatar", 3), ("obrigada por se candidatar", 3), ("recebemos sua candidatura", 3), ("recebemos a sua candidatura", 3),
        ("candidatura recebida", 3), ("obrigado pela sua candidatura", 3), ("entraremos em contato", 1.5),
    ]

    static let recruiterOutreach: Weighted = [
        ("came across your profile", 3), ("came across your background", 3), ("your profile caught", 3), ("your background caught", 3),
        ("i'm a recruiter", 3), ("i am a recruiter", 3), ("technical recruiter", 1.5), ("sourcer", 1.5), ("i'm reaching out", 2),
        ("i am reaching out", 2), ("reaching out because", 2), ("wanted to reach out", 2), ("would you be open", 2.5),
        ("are you open to", 2.5), ("open to new opportunities", 2.5), ("open to exploring", 2.5), ("interested in exploring", 2),
        ("exciting opportunity", 1.5), ("an opportunity", 0.5), ("your experience with", 1), ("impressed by your", 1.5),
        ("quick chat", 1.5), ("quick call", 1.5), ("brief chat", 1.5), ("15-minute", 0.5), ("15 minute", 0.5), ("inmail", 3),
        ("sent you a message", 2), ("on behalf of my client", 3), ("my client", 2), ("our client", 2), ("we are a recruitment", 3),
        ("recruitment agency", 2.5), ("hot job", 3), ("worth a chat", 2.5), ("bumping this", 2.5), ("got buried", 2.5), ("is hiring a", 2), ("saw your post", 2.5),
        ("i'm looking for a", 2), ("if you'd be open", 2.5), ("let me know either way", 1.5), ("open to it", 1.5), ("travel contract", 1.5), ("/wk", 1),
        ("i'm working on", 1.5), ("i am working on", 1.5), ("retained search", 3), ("on an exclusive", 2.5), ("exclusive search", 3),
        ("confidential)", 2), ("(confidential", 2), ("fast-track", 1.5), ("fast track", 1.5), ("recruiting firm", 2.5), ("headhunter", 3), ("executive search", 2), ("let me know if you're interested", 2),
        ("if you're interested", 1), ("would love to connect", 2), ("love to tell you more", 2), ("not actively looking", 2),
        ("think you'd be a great fit", 2), ("you'd be a great fit", 2), ("great fit for", 1), ("your linkedin", 1),
        ("min chat", 2), ("minute chat", 2), ("would love to chat", 2.5), ("love to chat", 2), ("open to a chat", 2.5),
        ("open to chatting", 2.5), ("interested in chatting", 2.5), ("we're hiring", 1.5), ("we are hiring", 1.5), ("thought of you", 2.5),
        ("would you be interested", 2.5), ("might be interested", 1.5), ("long shot", 2), ("your github", 2), ("your portfolio", 1),
        ("your work on", 1.5), ("your library", 1), ("your project", 1), ("your repo", 1.5), ("came across your", 2.5),
        ("stumbled", 2), ("found your", 2), ("we think you", 1.5), ("caught our eye", 2.5), ("caught my eye", 2.5), ("your profile", 1.5), ("your experience", 0.5), ("talent partner", 1.5), ("recruitment consultant", 2.5), ("sourcing", 1),
        ("confidential search", 3), ("confidential role", 2.5), ("i lead recruiting", 2), ("i'm hiring", 2), ("i am hiring", 2),
        // German
        ("ihr profil", 2), ("vertrauliche anfrage", 3), ("diskret", 1.5), ("personalberatung", 2.5), ("wechselbereit", 2.5), ("dein profil", 2), ("auf xing", 1.5), ("spannende position", 2), ("interessante position", 2),
        ("offen fur neue", 2.5), ("personalberater", 2.5), ("im auftrag", 2),
        // French
        ("votre profil", 2), ("opportunite", 1), ("cabinet de recrutement", 2.5), ("seriez-vous ouvert", 2.5), ("seriez-vous interesse", 2.5),
        // Spanish
        ("tu perfil", 2), ("su perfil", 2), ("oportunidad", 1), ("estarias abierto", 2.5), ("te interesaria", 2.5),
        // Dutch
        ("je profiel", 2), ("uw profiel", 2), ("mooie kans", 2), ("sta je open", 2.5), ("zou je open staan", 2.5),
        // Portuguese
        ("seu perfil", 2), ("oportunidade", 1), ("teria interesse", 2.5), ("estaria aberto", 2.5),
    ]

    static let assessment: Weighted = [
        ("assessment", 2.5), ("coding challenge", 3), ("coding test", 3), ("coding exercise", 3), ("technical challenge", 3),
        ("technical exercise", 3), ("technical test", 3), ("take-home", 3), ("take home", 2.5), ("home assignment", 3),
        ("online test", 3), ("hackerrank", 3), ("codility", 3), ("codesignal", 3), ("testgorilla", 3), ("coderbyte", 3),
        ("codingame", 3), ("hirevue", 2), ("skills test", 3), ("aptitude test", 3), ("personality test", 3), ("cognitive test", 3),
        ("complete the test", 3), ("complete the challenge", 3), ("complete the assessment", 3), ("complete this assessment", 3),
        ("test link", 2.5), ("challenge link", 2.5), ("questionnaire", 1.5), ("case study", 2), ("within 72 hours", 1.5),
        ("within 48 hours", 1), ("timed", 1), ("test invitation", 3), ("invited to take", 2.5), ("on-demand", 2.5), ("spark hire", 3), ("sparkhire", 3), ("vervoe", 3), ("criteria corp", 3), ("pymetrics", 3),
        ("harver", 3), ("willo", 3), ("testdome", 3), ("mettl", 3), ("talview", 3), ("hackerearth", 3), ("etude de cas", 3),
        ("caso practico", 3), ("estudo de caso", 3), ("caso pratico", 3), ("prova tecnica", 3), ("test online", 2.5), ("questionario", 2),
        ("record your", 2.5), ("recorded interview", 3), ("one-way video", 3), ("your next step is ready", 2.5),
        ("on demand interview", 3), ("one-way", 2.5), ("record your answers", 3), ("recorded video", 3), ("pre-recorded", 3),
        ("video assessment", 3), ("record your responses", 3), ("exercise", 1.5), ("assignment", 1.5), ("submit your", 1),
        ("submission", 1), ("deliverable", 1.5), ("work sample", 3), ("design challenge", 3), ("data exercise", 3),
        ("design exercise", 3), ("writing exercise", 3), ("case exercise", 3), ("skills assessment", 3), ("coding round", 2.5),
        // German
        ("einstellungstest", 3), ("online-test", 3), ("eignungstest", 3), ("programmieraufgabe", 3), ("fallstudie", 2), ("aufgabe", 1),
        // French
        ("test technique", 3), ("evaluation en ligne", 3), ("exercice technique", 3), ("questionnaire en ligne", 3),
        // Spanish
        ("prueba tecnica", 3), ("evaluacion en linea", 3), ("prueba en linea", 3), ("ejercicio tecnico", 3),
        // Dutch
        ("technische opdracht", 3),
        // Portuguese
        ("teste tecnico", 3), ("desafio tecnico", 3), ("avaliacao online", 3),
    ]

    /// Job alert digests, newsletters and other mass mail: job words in great numbers, for nobody in particular.
    static let bulk: Weighted = [
        ("job alert", 3), ("jobs you may be interested in", 3), ("jobs you might like", 3), ("recommended jobs", 3),
        ("jobs for you", 2.5), ("new jobs", 2), ("jobs matching", 3), ("matching your", 1.5), ("similar jobs", 2), ("top job picks", 3),
        ("based on your profile", 1.5), ("based on your search", 2), ("new job postings", 3), ("job recommendations", 3),
        ("newsletter", 2.5), ("webinar", 2.5), ("unsubscribe", 1), ("manage your alerts", 3), ("alert settings", 3),
        ("weekly digest", 3), ("daily digest", 3), ("see all jobs", 2.5), ("view all jobs", 2.5), ("view more jobs", 2.5),
        ("reset your password", 3), ("password reset", 3), ("verify your email", 3), ("complete your profile", 2.5),
        ("your receipt", 3), ("order confirmation", 3), ("invoice", 2), ("event invitation", 1.5), ("register now", 2),
        ("jobs in your area", 3), ("people also viewed", 2), ("who viewed your profile", 3), ("profile views", 2.5),
        ("stellenangebote fur sie", 3), ("neue jobs", 2.5), ("offres d'emploi pour vous", 3), ("nuevas ofertas", 2.5),
        ("vacatures voor jou", 3), ("vagas para voce", 3), ("withdrawn your application", 4), ("take the survey", 3), ("short survey", 3), ("our survey", 3), ("salary survey", 3), ("survey", 1.5), ("candidate experience", 3), ("experiencia como candidato", 3), ("experiencia del candidato", 3),
        ("how did we do", 3), ("tell us about your experience", 3), ("rate your", 2), ("feedback survey", 3), ("encuesta", 3), ("umfrage", 3), ("enquete", 3),
        ("sondaggio", 3), ("pesquisa", 2.5), ("webinar", 3), ("neue jobs", 3), ("nouvelles offres", 3), ("nieuwe vacatures", 3),
        ("novas vagas", 3), ("nuove offerte", 3), ("appointment reminder", 4), ("dentist", 3), ("dental", 2), ("refer me", 2.5),
        ("referral", 1.5), ("briefing", 2.5), ("weather", 2), ("job fair", 3), ("jobmesse", 3), ("salon de l'emploi", 3), ("feria de empleo", 3),
        ("tiny favor", 2), ("favor", 1), ("suchauftrag", 3), ("alerte", 2), ("alerta de empleo", 3), ("you've withdrawn", 4),
        ("application withdrawn", 4), ("withdrawal", 2), ("open house", 3), ("career fair", 3), ("hiring event", 2.5), ("rsvp", 2),
        ("save your seat", 3), ("register", 1), ("live webinar", 3), ("in this issue", 3), ("this week's", 1.5), ("read more", 1),
        ("view in browser", 2.5), ("you're receiving this", 2.5), ("receiving this email because", 2.5), ("you subscribed", 2.5),
        ("update preferences", 2), ("manage preferences", 2), ("email preferences", 2), ("subscription", 1.5), ("trial", 1.5),
        ("benefit", 1), ("certification is due", 3), ("unemployment", 3), ("book club", 3), ("out of office", 4), ("out of the office", 4),
        ("automatic reply", 3), ("auto-reply", 3), ("tips", 1), ("free", 0.5), ("mock interview", 3), ("practice interview", 3), ("interview prep", 2.5), ("course", 1),
    ]
}
