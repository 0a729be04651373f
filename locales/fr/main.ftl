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
