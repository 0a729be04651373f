# Mise en page et navigation
nav-skip = Aller au contenu
nav-main-label = Navigation principale
nav-language-label = Langue
nav-breadcrumb-label = Fil d’Ariane
nav-webinars = Webinaires
nav-modules = Modules de formation
footer-about = Convive — un programme de webinaires et de vidéos de formation sur les systèmes alimentaires durables des villes et régions méditerranéennes.

# Noms des langues
language-fr = français
language-en = anglais
language-ar = arabe

# Contenu affiché dans une autre langue
content-fallback = Pas encore traduit : affiché en { $language }.

# Accueil
home-title = Systèmes alimentaires durables en Méditerranée
home-series-label = Cycle de webinaires
home-see-programme = Voir le programme et s’inscrire
home-programme = Le programme
home-next-session = Prochaine session :
home-modules = Modules de formation COOPALIM
home-modules-intro = Des modules vidéo pour les collectivités françaises qui coopèrent avec des territoires étrangers sur l’alimentation durable.

# Webinaires
webinars-title = Webinaires
webinar-session-count = { $count ->
    [0] Aucune session à venir
    [one] Une session à venir
   *[other] { $count } sessions à venir
}
webinar-replays-in = Replays en :
webinar-sessions = Sessions à venir
webinar-no-sessions = Aucune session n’est prévue pour le moment. Regardez les replays ci-dessous.
webinar-replays = Replays
webinar-no-replays = Aucun replay n’est encore disponible.

# Sessions
session-your-time = Chez vous :
session-duration = { $count } min
session-seats-left = { $count ->
    [one] Une place restante
   *[other] { $count } places restantes
}
session-full = Complet — liste d’attente ouverte
session-languages = Langues :
# Entre les éléments d’une liste (« Français, Arabe »).
list-separator = {", "}

# Modules
modules-title = Modules de formation
modules-intro = Les modules vidéo COOPALIM aident les collectivités françaises à construire, leçon après leçon, des coopérations alimentaires avec des territoires étrangers.
module-lesson-count = { $count ->
    [one] Une leçon
   *[other] { $count } leçons
}
module-lessons = Leçons
lesson-duration-minutes = { $count ->
    [one] 1 minute
   *[other] { $count } minutes
}

# Erreurs
error-not-found = Cette page n’existe pas.
error-bad-request = La demande n’a pas pu être comprise.
error-payload-too-large = L’envoi est trop volumineux.
error-rate-limited = Trop de tentatives. Merci de patienter un instant avant de réessayer.
error-unavailable = Le service est momentanément indisponible. Merci de réessayer dans quelques secondes.
error-internal = Un problème est survenu de notre côté. Merci de réessayer.
error-code = Code d’erreur :
error-back-home = Retour à l’accueil
error-forbidden = Cette demande a été refusée. Rechargez la page et réessayez.
error-validation = Certains champs sont à corriger.

# Fuseaux horaires tels qu'on les dit ($city vient du CLDR)
zone-time = { $elision ->
    [vowel] heure d’{ $city }
   *[consonant] heure de { $city }
}
zone-utc = UTC
session-own-time = Dans le fuseau de la séance :
session-countdown = Commence dans { $hours } h { $minutes } min

# Langues d'une séance : parlée en salle, interprétée vers d'autres
language-in-fr = en français
language-in-en = en anglais
language-in-ar = en arabe
language-into-fr = en français
language-into-en = en anglais
language-into-ar = en arabe
session-language-line = { $count ->
    [0] { $floor }
    [one] { $floor }, avec interprétation { $first }
   *[other] { $floor }, avec interprétation { $first } et { $second }
}

# Filtre du programme par langue
programme-filter-label = Afficher les séances que je peux suivre
programme-filter-any = dans toutes les langues
programme-filter-submit = Afficher
programme-filter-result = Séances que vous pouvez suivre en { $language }.
programme-filter-none = Aucune n’est prévue pour le moment.
programme-filter-clear = Voir tout le programme

# Agendas
calendar-add = Ajouter à votre agenda :
calendar-google = Google Agenda
calendar-outlook = Outlook
calendar-ics = fichier .ics
calendar-feed-title = Le programme dans votre agenda
calendar-feed-text = Abonnez-vous une fois : les nouvelles séances, les changements d’horaire et les annulations apparaissent ensuite d’eux-mêmes dans votre agenda.
calendar-feed-subscribe = S’abonner au programme
calendar-programme-name = Convive — programme
calendar-mine-name = Convive — mes séances
calendar-mine-subscribe = M’abonner à mes séances dans mon agenda

# Descriptions pour les moteurs de recherche et les aperçus de partage
meta-description = Convive : webinaires et vidéos de formation sur les systèmes alimentaires durables dans les villes et régions de Méditerranée, en français, en anglais et en arabe.
meta-description-webinars = Les prochains webinaires sur l’alimentation durable en Méditerranée : intervenants, programme, langues d’interprétation et inscription.
meta-description-lesson = Une leçon vidéo du module de formation « { $module } ».

# Intervenants et programme
webinar-speakers = Intervenants
session-speakers = Intervenants de cette séance
session-agenda = Déroulé
speaker-role-speaker = Intervenant·e
speaker-role-moderator = Modération
speaker-role-interpreter = Interprète
