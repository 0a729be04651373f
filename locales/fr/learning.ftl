# Mon parcours
learning-nav = Mon parcours
learning-title = Mon parcours
learning-welcome = Bon retour, { $name }.
learning-lessons-done = { $count ->
    [one] { $count } leçon terminée sur { $total }
   *[other] { $count } leçons terminées sur { $total }
}
learning-minutes-watched = { $count ->
    [one] { $count } minute regardée
   *[other] { $count } minutes regardées
}
learning-next = À regarder ensuite
learning-all-done = Vous avez terminé toutes les leçons. Bravo !
learning-modules = Mes modules
learning-certificate = Voir mon attestation
learning-error-too-many-intervals = Trop d’intervalles dans un même envoi.

# Progression dans un module
module-lessons-done = { $count ->
    [one] { $count } leçon terminée sur { $total }
   *[other] { $count } leçons terminées sur { $total }
}
module-progress-label = Ma progression dans ce module
module-certificate = Voir mon attestation
module-sign-up-to-track = Créez un compte pour garder votre progression et obtenir une attestation.

# Page d’une leçon
lesson-position = Leçon { $position }
lesson-player-label = Vidéo de la leçon
lesson-completed = Vous avez terminé cette leçon.
lesson-completed-short = Terminée
lesson-watched-minutes = { $count ->
    [0] Pas encore regardée
    [one] { $count } minute regardée pour l’instant
   *[other] { $count } minutes regardées pour l’instant
}
lesson-percent-watched = { $percent } % regardés
lesson-sign-in-to-save = Connectez-vous pour garder votre progression
lesson-nav-label = Autres leçons
lesson-previous = Leçon précédente
lesson-next = Leçon suivante
lesson-back-to-module = Retour au module

# Vidéos et replays
video-download = Télécharger la vidéo
video-unavailable = Cette vidéo ne peut pas être lue ici.
replay-version = Version : { $language }
replay-fallback = Ce replay n’existe pas encore dans votre langue : il est proposé en { $language }, avec des sous-titres dans votre langue lorsqu’ils existent.
replay-versions-label = Autres versions du replay

# Attestations
certificate-title = Attestation de réussite
certificate-intro = Nous certifions que
certificate-completed = a suivi en entier le module de formation COOPALIM
certificate-issued-on = Délivrée le { $date }
certificate-code = Code de vérification :
certificate-issuer = Convive — modules de formation COOPALIM
certificate-verified = Cette attestation est authentique : elle a été délivrée par Convive.
certificate-download = Télécharger le PDF
certificate-print-hint = ou imprimer cette page.
