## Back-office : cadre, tableau de bord, contenus, sessions, rediffusions, leçons, inscrits, organisateurs, journal.

admin-title = Back-office
admin-menu-label = Back-office
admin-nav-dashboard = Tableau de bord
admin-nav-webinars = Webinaires
admin-nav-sessions = Sessions
admin-nav-modules = Modules
admin-nav-registrants = Inscrits
admin-menu-campaigns = Campagnes
admin-menu-announcements = Annonces
admin-menu-mail = Courriels
admin-nav-organisers = Organisateurs
admin-nav-audit = Journal des actions
admin-save = Enregistrer
admin-saved = Enregistré.
admin-create = Créer
admin-change = Modifier
admin-publish = Publier
admin-unpublish = Dépublier
admin-published = Publié
admin-draft = Non publié
admin-view-public = Voir la page publique
admin-yes = Oui
admin-no = Non
admin-chart-data = Chiffres du graphique
admin-pager = Pages
admin-pager-newer = Plus récentes
admin-pager-older = Plus anciennes
admin-audit-page-position = Page { $count } sur { $total }
admin-back-to-webinar = Retour au webinaire
admin-back-to-module = Retour au module

admin-col-name = Nom
admin-col-email = Courriel
admin-col-organisation = Organisme
admin-col-function = Fonction
admin-col-territory = Territoire
admin-col-country = Pays
admin-col-language = Langue
admin-col-webinar = Webinaire
admin-col-module = Module
admin-col-session = Session
admin-col-status = Statut
admin-col-attended = Présent
admin-col-registered = Inscrit le
admin-col-registrations = Inscriptions
admin-col-day = Jour
admin-col-seats = Places prises
admin-col-state = État
admin-col-slug = Adresse (slug)
admin-col-translations = Traductions
admin-col-role = Rôle
admin-col-when = Quand
admin-col-who = Qui
admin-col-action = Action
admin-col-subject = Sur
admin-col-detail = Détail

admin-status-pending = Pas encore confirmée
admin-status-confirmed = Confirmée
admin-status-waitlisted = Liste d’attente
admin-status-cancelled = Annulée
admin-role-organiser = Organisateur
admin-role-admin = Administrateur
admin-role-learner = Apprenant (sans back-office)

admin-dashboard-title = Tableau de bord
admin-dashboard-registrations = inscriptions
admin-dashboard-confirmed = confirmées
admin-dashboard-attendance = taux de présence
admin-dashboard-attendance-detail = { $count } présents sur { $total } inscrits confirmés aux sessions passées
admin-dashboard-replay-views = vues des rediffusions
admin-dashboard-over-time = Inscriptions dans le temps
admin-dashboard-per-day = { $count ->
    [one] Inscriptions du dernier jour
   *[other] Inscriptions par jour sur les { $count } derniers jours
}
admin-dashboard-per-day-desc = Inscriptions par jour, de la plus ancienne à la plus récente ; jours les plus chargés :
admin-dashboard-top = Valeurs les plus grandes :
admin-dashboard-per-webinar = Inscriptions par webinaire
admin-dashboard-per-language = Inscriptions par langue
admin-dashboard-per-country = Inscriptions par pays
admin-dashboard-per-function = Inscriptions par fonction
admin-dashboard-replay-views-per-webinar = Vues des rediffusions par webinaire
admin-dashboard-nothing = Rien pour l’instant.
admin-dashboard-modules = Modules suivis jusqu’au bout
admin-dashboard-lessons-completed = Leçons terminées
admin-dashboard-certificates = Attestations délivrées

admin-webinars-title = Webinaires
admin-webinars-new = Nouveau webinaire
admin-modules-title = Modules
admin-modules-new = Nouveau module
admin-content-texts = Textes dans les trois langues
admin-content-title = Titre
admin-content-summary = Résumé
admin-content-missing = Manquant
admin-content-missing-in = Manquant en { $language }
admin-content-fallback = Les visiteurs qui lisent cette langue voient le texte en { $language } :
admin-content-slug-hint = Minuscules, chiffres et tirets, par ex. fight-food-waste. Elle ne pourra plus être changée.
admin-content-error-slug = Utilisez des minuscules, des chiffres et des tirets simples (80 caractères au plus).
admin-content-error-slug-taken = Cette adresse est déjà utilisée.
admin-content-error-title = Le titre est trop long (200 caractères au plus) ou contient des caractères de contrôle.
admin-content-error-text = Le texte est trop long.
admin-content-error-title-missing = Donnez un titre dans cette langue, ou laissez cette langue vide.
admin-content-error-no-title = Donnez un titre dans une langue au moins.

admin-sessions-hint = Toutes les sessions de tous les webinaires, les plus proches d’abord. Ouvrez-en une pour la déplacer, changer sa capacité ou son lien, ou l’annuler.
admin-session-new = Nouvelle session
admin-session-edit = Modifier la session
admin-session-timezone = Fuseau horaire de la session
admin-session-date = Date (dans ce fuseau)
admin-session-time = Heure de début (dans ce fuseau)
admin-session-local-hint = Indiquez la date et l’heure telles qu’un participant de ce fuseau les lit sur sa montre ; Convive enregistre l’instant exact et montre à chacun son heure.
admin-session-duration = Durée en minutes
admin-session-capacity = Nombre de places
admin-session-meeting-url = Lien de la réunion (jamais affiché publiquement)
admin-session-languages = Interprétation vers
admin-session-floor-language = Langue parlée en salle
admin-session-reminders = Rappels (minutes avant le début)
admin-session-reminders-hint = Séparés par des virgules, par ex. 1440,60 pour la veille et une heure avant.
admin-session-error-reminders = Donnez jusqu’à cinq nombres de minutes entre 1 et 20 160, séparés par des virgules.
admin-session-saved = Enregistré. La session commence le { $utc }.
admin-session-cancel = Annuler la session
admin-session-cancel-text = La session quitte le programme et chaque inscrit est prévenu par courriel, avec une annulation pour son agenda.
admin-session-cancelled = Annulée
admin-session-state-past = Passée
admin-session-upcoming = À venir

admin-replays-title = Rediffusions
admin-replays-hint = Une rediffusion par langue : un lien YouTube, Vimeo ou PeerTube, l’adresse d’un fichier vidéo, ou un fichier envoyé ici (WebM ou MP4). Les sous-titres sont des fichiers WebVTT. La publication de la première rediffusion prévient les inscrits par courriel.
admin-replay-url = Lien de la vidéo
admin-replay-file = Ou envoyer un fichier vidéo
admin-replay-captions = Sous-titres en { $language } (adresse .vtt)
admin-replay-captions-file = Ou envoyer les sous-titres en { $language }
admin-replay-error-url = Donnez un lien YouTube, Vimeo ou PeerTube, ou l’adresse d’un fichier WebM ou MP4.
admin-replay-error-captions = Donnez l’adresse d’un fichier WebVTT (.vtt).
admin-replay-error-locale = Choisissez la langue de la rediffusion.
admin-replay-error-file-type = Envoyez une vidéo WebM ou MP4, et les sous-titres en fichiers .vtt.

admin-lessons-title = Leçons
admin-lesson-new = Nouvelle leçon
admin-lesson-edit = Modifier la leçon
admin-lesson-duration = Durée en minutes
admin-lesson-body = Texte de la leçon
admin-lesson-video = Vidéo (lien ou adresse du fichier)
admin-lesson-captions = Sous-titres (adresse .vtt)
admin-lesson-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
admin-lesson-error-duration = Donnez une durée en minutes entre 0,1 et 600.

admin-filter-search = Recherche (nom, courriel, organisme)
admin-filter-all-sessions = Toutes les sessions du cycle
admin-filter-any = Tous
admin-filter-apply = Filtrer
admin-registrants-count = { $count } affichés sur { $total }
admin-registrants-full = Il ne reste aucune place dans cette session : augmentez d’abord sa capacité.
admin-registrants-error-status = Choisissez confirmée, liste d’attente ou annulée.
admin-export-csv = Exporter en CSV
admin-export-xlsx = Exporter en Excel (XLSX)
admin-attendance-mark = Marquer présent
admin-attendance-unmark = Marquer absent
admin-attendance-import = Importer la liste des participants de l’outil de réunion
admin-attendance-import-hint = Un fichier CSV exporté par l’outil de réunion, avec une ligne d’en-tête et une colonne contenant l’adresse électronique (à n’importe quelle place ; séparateur virgule ou point-virgule).
admin-attendance-file = Liste des participants (CSV)
admin-attendance-import-submit = Importer
admin-attendance-report = Présences importées
admin-attendance-matched = { $count } lignes sur { $total } correspondent à un inscrit, désormais marqué présent.
admin-attendance-unmatched = { $count ->
    [one] Une ligne ne correspond à aucun inscrit de cette session :
   *[other] { $count } lignes ne correspondent à aucun inscrit de cette session :
}
admin-attendance-line = Ligne { $count } :
admin-attendance-error-unreadable = La liste des participants est illisible : enregistrez-la en CSV (UTF-8) avec une ligne d’en-tête.
admin-attendance-error-no-email-column = La liste des participants n’a pas de colonne de courriel dans sa ligne d’en-tête.

admin-organiser-new = Nouvel organisateur
admin-organiser-created = Le compte { $email } est créé.
admin-organiser-password = Son mot de passe, affiché une seule fois (transmettez-le de façon sûre) :

mail-rescheduled-subject = Nouvelle date : { $webinar }
mail-rescheduled-body = Bonjour { $name }, la session à laquelle vous êtes inscrit a été déplacée. Voici la nouvelle date et l’heure ; l’invitation d’agenda mise à jour est jointe.
mail-session-cancelled-subject = Session annulée : { $webinar }
mail-session-cancelled-body = Bonjour { $name }, les organisateurs ont dû annuler cette session. Veuillez nous en excuser ; vous pouvez vous inscrire à une autre session du webinaire.
admin-share-image-title = Image de partage
admin-share-image-hint = L’image d’un lien vers ce webinaire partagé dans une messagerie ou un réseau social. JPEG, PNG ou WebP, 8 Mo au plus ; elle est recadrée en 1200 × 630. Sans image, le lien montre celle du site.
admin-share-image-current = Image de partage actuelle
admin-share-image-none = Pas encore d’image : un lien partagé montre celle du site.
admin-share-image-file = Nouvelle image
admin-share-image-save = Enregistrer l’image
admin-share-image-error-missing = Choisissez une image JPEG, PNG ou WebP.
