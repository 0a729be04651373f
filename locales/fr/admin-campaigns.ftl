## Back-office : campagnes d'invitation, annonces, journal des envois.

admin-session-past = passée
admin-session-unpublished = non publiée
admin-pager-label = Pages
admin-pager-previous = Page précédente
admin-pager-next = Page suivante
admin-pager-position = Page { $count } sur { $total }

admin-campaigns-title = Campagnes d'invitation
admin-campaigns-new = Nouvelle campagne
admin-campaigns-empty = Aucune campagne pour l'instant. Déposez une liste de contacts pour inviter à une session ou à tout le cycle.
admin-campaigns-error-too-large = Le fichier est trop volumineux : une liste de contacts fait 8 Mo au plus. Répartissez-la en plusieurs campagnes.
admin-campaigns-error-no-file = Choisissez la liste de contacts à déposer (CSV ou XLSX).
admin-campaigns-error-base64 = contacts_xlsx doit être le fichier .xlsx encodé en base64.
admin-contacts-error-unreadable-xlsx = Le tableur ne peut pas être lu : enregistrez-le comme classeur Excel (.xlsx) ou en CSV.
admin-campaign-name = Nom
admin-campaign-name-hint = Pour vous seulement, par exemple « Maires du Maroc — mars ». Laissé vide, la date est utilisée.
admin-campaign-target = Inviter à
admin-campaign-target-is = Inviter à : { $target }
admin-campaign-target-choose = Choisissez une session ou tout le cycle
admin-campaign-target-series = Tout le cycle (toutes les sessions à venir)
admin-campaign-created = Créée le
admin-campaign-invited = Invités
admin-campaign-contacts = Liste de contacts (CSV ou XLSX)
admin-campaign-contacts-hint = Colonnes avec une ligne d'en-tête, dans n'importe quel ordre : email, nom, langue (fr, en ou ar), organisme, pays (code à deux lettres). CSV avec « , » ou « ; », en UTF-8. { $count } Mo au plus.
admin-campaign-upload = Déposer et vérifier la liste
admin-campaign-back = Retour à la campagne
admin-campaign-sent-notice = { $count ->
    [one] { $count } invitation mise en file d'envoi.
   *[other] { $count } invitations mises en file d'envoi.
}
admin-campaign-reminded-notice = { $count ->
    [one] { $count } relance mise en file d'envoi.
   *[other] { $count } relances mises en file d'envoi.
}
admin-campaign-report-title = Vérification de la liste de contacts
admin-campaign-report-valid = Contacts valides : { $count }
admin-campaign-report-invalid = Lignes non retenues : { $count }
admin-campaign-report-duplicates = Doublons fusionnés avec une ligne précédente : { $count }
admin-campaign-report-suppressed = Adresses désinscrites ou en échec (listées, jamais écrites) : { $count }
admin-campaign-report-lines = lignes
admin-campaign-report-invalid-rows = Lignes non retenues, avec la raison
admin-campaign-report-suppressed-rows = Adresses bloquées
admin-campaign-report-line = Ligne
admin-campaign-report-reason = Raison
admin-campaign-email = Courriel
admin-campaign-invitee-name = Nom
admin-campaign-language = Langue
admin-campaign-stage = Étape
admin-campaign-send-title = Envoi
admin-campaign-preview-link = Prévisualiser l'invitation en français, anglais et arabe
admin-campaign-send-button = { $count ->
    [one] Envoyer l'invitation à { $count } personne
   *[other] Envoyer l'invitation à { $count } personnes
}
admin-campaign-nothing-to-send = Toutes les invitations de cette campagne sont parties.
admin-campaign-suppressed-note = { $count ->
    [one] { $count } adresse bloquée ne sera pas écrite.
   *[other] { $count } adresses bloquées ne seront pas écrites.
}
admin-campaign-remind-button = { $count ->
    [one] Relancer la personne qui n'a pas répondu
   *[other] Relancer les { $count } personnes qui n'ont pas répondu
}
admin-campaign-delete = Supprimer ce brouillon
admin-campaign-deleted = Le brouillon de campagne est supprimé.
admin-campaign-error-sent = L'envoi de cette campagne a commencé : elle est conservée, avec son entonnoir.
admin-campaign-funnel-title = Entonnoir
admin-campaign-progress = Envoi
admin-campaign-sending = envoi en cours…
admin-campaign-invitees-title = Invités
admin-campaign-all-invitees = voir tous les invités
admin-campaign-stage-pending = pas encore envoyée
admin-campaign-stage-suppressed = bloquée
admin-campaign-stage-queued = en file d'envoi
admin-campaign-stage-sent = envoyée
admin-campaign-stage-failed = en échec
admin-campaign-stage-unsubscribed = désinscrit
admin-campaign-stage-clicked = lien ouvert
admin-campaign-stage-registered = inscrit
admin-campaign-stage-confirmed = confirmé
admin-campaign-stage-attended = présent
admin-campaign-stage-watched = a regardé des vidéos
admin-campaign-preview-title = Aperçu de l'invitation
admin-campaign-preview-intro = Chaque invité reçoit l'invitation dans sa langue. Le nom est celui du premier invité de cette langue ; les liens d'un aperçu n'ouvrent rien.
admin-campaign-preview-first = Voir la première invitation
admin-campaign-preview-reminder = Voir la relance
admin-campaign-preview-html = Ouvrir la version HTML

admin-announcements-title = Annonces
admin-announcements-new = Nouvelle annonce
admin-announcements-empty = Aucune annonce pour l'instant.
admin-announcement-title = Annonce
admin-announcement-intro = Un message aux inscrits d'une session, par exemple un nouveau lien de réunion. Chaque inscrit le reçoit dans sa langue : écrivez-le dans autant de langues que possible.
admin-announcement-session = Session
admin-announcement-session-choose = Choisissez une session
admin-announcement-include-waitlisted = L'envoyer aussi aux personnes en liste d'attente
admin-announcement-subject = Objet
admin-announcement-body = Message
admin-announcement-fallback-intro = Qui reçoit quel texte :
admin-announcement-fallback-order = Inscrits en { $language } : ils reçoivent le texte en { $first } ; s'il est vide, en { $second }, puis en { $third }.
admin-announcement-fallback-now = Tel que c'est écrit : le texte en { $used }.
admin-announcement-send = Envoyer l'annonce
admin-announcement-sent-at = Envoyée le
admin-announcement-recipients = Destinataires
admin-announcement-with-waitlist = avec la liste d'attente
admin-announcement-unsubscribed = Désinscrits depuis
admin-announcement-queued = { $count ->
    [one] L'annonce part vers { $count } inscrit.
   *[other] L'annonce part vers { $count } inscrits.
}
admin-announcement-duplicate = Cette annonce avait déjà été envoyée : rien de plus n'est parti.
admin-announcement-error-session = Choisissez la session dont les inscrits reçoivent le message.
admin-announcement-error-empty = Écrivez l'objet et le message dans au moins une langue.
admin-announcement-error-subject-missing = Écrivez aussi l'objet dans cette langue, ou laissez le message vide.
admin-announcement-error-body-missing = Écrivez aussi le message dans cette langue, ou laissez l'objet vide.
admin-announcement-error-subject-long = L'objet est trop long (200 caractères au plus).
admin-announcement-error-body-long = Le message est trop long (20 000 caractères au plus).
unsubscribe-announcements-confirm = Ne plus envoyer d'annonces ni d'invitations à { $email } ?
unsubscribe-announcements-done = { $email } ne recevra plus nos annonces ni nos invitations.
mail-announcement-unsubscribe = Ne plus recevoir d'annonces

admin-mail-title = Journal des envois
admin-mail-files = Aucun serveur SMTP n'est configuré : les messages sont écrits en fichiers .eml dans le dossier de données ; ouvrez-en un pour le lire.
admin-mail-smtp = Les messages partent par le serveur SMTP configuré.
admin-mail-filter-label = Filtrer par état
admin-mail-all = Tous
admin-mail-empty = Aucun courriel ici.
admin-mail-status = État
admin-mail-status-queued = en file d'envoi
admin-mail-status-sending = en cours d'envoi
admin-mail-status-sent = envoyé
admin-mail-status-failed = en échec
admin-mail-kind = Type
admin-mail-recipient = Destinataire
admin-mail-attempts = Tentatives
admin-mail-last-error = Dernière erreur
admin-mail-created = Mis en file
admin-mail-sent = Envoyé
admin-mail-message-title = Courriel
admin-mail-retry = Renvoyer ce courriel
admin-mail-retry-queued = Le courriel est de nouveau dans la file d'envoi.
admin-mail-retry-lifted = Le courriel est de nouveau dans la file d'envoi, et l'adresse n'est plus bloquée après son échec.
admin-mail-error-not-failed = Seul un courriel en échec peut être renvoyé.
admin-mail-error-unsubscribed = Cette personne s'est désinscrite : les invitations et annonces ne lui sont plus envoyées.
admin-mail-text-part = Texte du message
admin-mail-attachments = Pièces jointes :
admin-mail-raw = Source du message
admin-mail-no-file = Le fichier .eml de ce courriel n'est pas encore écrit.
