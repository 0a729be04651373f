# Layout and navigation
nav-skip = Skip to content
nav-main-label = Main navigation
nav-language-label = Language
nav-breadcrumb-label = Breadcrumb
nav-webinars = Webinars
nav-modules = Training modules
footer-about = Convive — a programme of webinars and training videos on sustainable food systems in Mediterranean cities and regions.

# Language names
language-fr = French
language-en = English
language-ar = Arabic

# Content shown in another language than asked for
content-fallback = Not yet translated: shown in { $language }.

# Home
home-title = Sustainable food systems in the Mediterranean
home-series-label = Webinar series
home-see-programme = See the programme and register
home-programme = The programme
home-next-session = Next session:
home-modules = COOPALIM training modules
home-modules-intro = Video modules for French local authorities cooperating with territories abroad on sustainable food.

# Webinars
webinars-title = Webinars
webinar-session-count = { $count ->
    [0] No upcoming session
    [one] One upcoming session
   *[other] { $count } upcoming sessions
}
webinar-replays-in = Replays in:
webinar-sessions = Upcoming sessions
webinar-no-sessions = No session is scheduled at the moment. Watch the replays below.
webinar-replays = Replays
webinar-no-replays = No replay is available yet.

# Sessions
session-your-time = Your time:
session-duration = { $count } min
session-seats-left = { $count ->
    [one] One seat left
   *[other] { $count } seats left
}
session-full = Full — waiting list open
session-languages = Languages:
# Between the items of a list ("French, Arabic").
list-separator = {", "}

# Modules
modules-title = Training modules
modules-intro = The COOPALIM video modules help French local authorities build food cooperation with territories abroad, lesson by lesson.
module-lesson-count = { $count ->
    [one] One lesson
   *[other] { $count } lessons
}
module-lessons = Lessons
lesson-duration-minutes = { $count ->
    [one] 1 minute
   *[other] { $count } minutes
}

# Errors
error-not-found = This page does not exist.
error-bad-request = The request could not be understood.
error-payload-too-large = What was sent is too large.
error-rate-limited = Too many attempts. Please wait a moment and try again.
error-unavailable = The service is briefly unavailable. Please try again in a few seconds.
error-internal = Something went wrong on our side. Please try again.
error-code = Error code:
error-back-home = Back to the home page
error-forbidden = This request was refused. Reload the page and try again.
error-validation = Some fields need your attention.

# Time zones as people say them ($city from CLDR)
zone-time = { $city } time
zone-utc = UTC
session-own-time = In the session's zone:
session-countdown = Starts in { $hours } h { $minutes } min

# Languages of a session: spoken on the floor, interpreted into others
language-in-fr = in French
language-in-en = in English
language-in-ar = in Arabic
language-into-fr = French
language-into-en = English
language-into-ar = Arabic
session-language-line = { $count ->
    [0] { $floor }
    [one] { $floor }, interpreted into { $first }
   *[other] { $floor }, interpreted into { $first } and { $second }
}

# Programme filter by language
programme-filter-label = Show the sessions I can follow in
programme-filter-any = any language
programme-filter-submit = Show
programme-filter-result = Sessions you can follow in { $language }.
programme-filter-none = None is scheduled at the moment.
programme-filter-clear = Show the whole programme

# Calendars
calendar-add = Add to your calendar:
calendar-google = Google Calendar
calendar-outlook = Outlook
calendar-ics = .ics file
calendar-feed-title = The programme in your calendar
calendar-feed-text = Subscribe once: new sessions, moved times and cancellations then appear in your calendar by themselves.
calendar-feed-subscribe = Subscribe to the programme
calendar-programme-name = Convive — programme
calendar-mine-name = Convive — my sessions
calendar-mine-subscribe = Subscribe to my sessions in my calendar

# Descriptions for search engines and share cards
meta-description = Convive: webinars and training videos on sustainable food systems in Mediterranean cities and regions, in French, English and Arabic.
meta-description-webinars = Upcoming webinars on sustainable food in the Mediterranean: speakers, agenda, languages of interpretation and registration.
meta-description-lesson = A video lesson of the training module “{ $module }”.

# Speakers and agenda
webinar-speakers = Speakers
session-speakers = Speakers of this session
session-agenda = Agenda
speaker-role-speaker = Speaker
speaker-role-moderator = Moderator
speaker-role-interpreter = Interpreter
