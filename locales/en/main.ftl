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
