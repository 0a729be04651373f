session-register = S’inscrire
session-join-waitlist = Rejoindre la liste d’attente
registration-title = S’inscrire à cette session
registration-full-name = Nom complet
registration-email = Adresse e-mail
registration-organisation = Organisation (ville, province, département…)
registration-function = Fonction
registration-choose = Choisir…
registration-function-elected_official = Élu·e
registration-function-civil_servant = Agent·e de collectivité
registration-function-other = Autre
registration-territory = Territoire
registration-country = Pays
registration-language = Langue de vos e-mails
registration-language-label = Langue
registration-language-button = Changer de langue
registration-timezone = Votre fuseau horaire
registration-timezone-help = Détecté par votre navigateur ; les heures de vos e-mails l’utilisent. Exemple : Africa/Casablanca.
registration-consent = J’accepte que Convive traite ces informations pour organiser ce webinaire et m’écrire à son sujet.
registration-announcements = Me tenir informé·e des prochains webinaires (facultatif).
registration-submit = S’inscrire
registration-sent-title = Consultez votre messagerie
registration-sent-text = Nous vous avons envoyé un e-mail. Cliquez sur le bouton qu’il contient pour confirmer votre inscription : d’ici là, aucune place n’est réservée.
registration-confirm-title = Confirmez votre inscription
registration-confirm-text = Dernière étape : confirmez avec le bouton ci-dessous. D’ici là, aucune place ne vous est réservée.
registration-confirm-button = Confirmer mon inscription
registration-confirmed-title = Votre place est confirmée
registration-confirmed-text = Merci. L’e-mail de confirmation contient l’invitation de calendrier et le lien pour gérer votre inscription.
registration-waitlisted-title = Vous êtes sur liste d’attente
registration-waitlisted-text = La session est complète. Vous êtes en position { $count } sur la liste d’attente ; nous vous écrirons dès qu’une place se libère.
registration-expired = Ce lien de confirmation a expiré. Merci de vous inscrire à nouveau.
registration-already-there = Vous êtes déjà inscrit·e à cette session.
registration-manage-title = Votre inscription
registration-status-pending = En attente de votre confirmation
registration-status-confirmed = Confirmée
registration-status-waitlisted = Sur liste d’attente
registration-status-cancelled = Annulée
registration-position = position { $count }
registration-join = Rejoindre le webinaire
registration-switch-title = Changer de session
registration-switch-label = Une autre session de ce webinaire
registration-switch-button = Passer à cette session
registration-no-other-session = Aucune autre session de ce webinaire n’est prévue.
registration-cancel-title = Annuler
registration-cancel-button = Annuler mon inscription
field-required = Ce champ est obligatoire.
field-too-long = Ce texte est trop long.
field-invalid-characters = Ce texte contient des caractères non autorisés.
field-email-invalid = Saisissez une adresse e-mail comme nom@exemple.org.
field-choose-one = Choisissez l’une des options.
field-timezone-invalid = Saisissez un fuseau horaire comme Africa/Tunis ou Europe/Paris.
field-consent-required = Votre accord est nécessaire pour vous inscrire.
registration-honeypot = Laissez ce champ vide
registration-series-link = S’inscrire à toute la série
registration-series-title = S’inscrire à toute la série
registration-series-intro = Un seul formulaire vous inscrit à la prochaine session de chaque webinaire de la série. Un seul e-mail les confirme toutes ; chaque session a ensuite sa propre place ou sa propre liste d’attente.
registration-series-submit = M’inscrire à ces sessions
registration-series-confirmed-title = Votre inscription à la série est confirmée
registration-series-confirmed-text = { $count ->
    [0] Vous n’avez de place confirmée à aucune session
    [one] Vous avez une place à une session
   *[other] Vous avez une place à { $count } sessions
} et { $total ->
    [0] aucune n’est complète.
    [one] vous êtes sur la liste d’attente d’une session.
   *[other] vous êtes sur la liste d’attente de { $total } sessions.
} Votre e-mail contient les invitations de calendrier et le lien pour gérer vos inscriptions.
registration-series-manage-title = Vos inscriptions à la série
registration-series-manage-one = Changer de session ou de coordonnées
registration-series-cancel-one = Annuler cette session
registration-series-cancel-all = Annuler toutes les sessions de la série
mail-series-confirm-subject = Confirmez votre inscription à la série : { $series }
mail-series-confirm-body = Bonjour { $name }, vous avez demandé à participer aux sessions ci-dessous. Un seul clic les confirme toutes : d’ici là, aucune place ne vous est réservée.
mail-series-confirmed-subject = Votre inscription à la série : { $series }
mail-series-confirmed-body = Bonjour { $name }, voici où vous en êtes pour chaque session. Les invitations de calendrier de vos places confirmées sont jointes ; nous vous écrirons si une place se libère pour une session où vous attendez.
mail-series-cancelled-subject = Inscriptions annulées : { $series }
mail-series-cancelled-body = Bonjour { $name }, vos inscriptions à ces sessions sont annulées. Vous pouvez vous inscrire à nouveau à tout moment.
mail-series-join = Rejoindre : { $webinar }
mail-series-status-confirmed = place confirmée
mail-series-status-waitlisted = liste d’attente, position { $position }
mail-series-status-cancelled = annulée
mail-series-status-pending = à confirmer
