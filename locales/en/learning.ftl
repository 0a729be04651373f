# My learning
learning-nav = My learning
learning-title = My learning
learning-welcome = Welcome back, { $name }.
learning-lessons-done = { $count ->
    [one] One of { $total } lessons completed
   *[other] { $count } of { $total } lessons completed
}
learning-minutes-watched = { $count ->
    [one] One minute watched
   *[other] { $count } minutes watched
}
learning-next = What to watch next
learning-all-done = You have completed every lesson. Well done!
learning-modules = My modules
learning-certificate = See my certificate
learning-error-too-many-intervals = Too many intervals in one report.

# Module progress
module-lessons-done = { $count ->
    [one] One of { $total } lessons completed
   *[other] { $count } of { $total } lessons completed
}
module-progress-label = My progress in this module
module-certificate = See my certificate
module-sign-up-to-track = Create an account to keep your progress and earn a certificate.

# Lesson page
lesson-position = Lesson { $position }
lesson-player-label = Video of the lesson
lesson-completed = You have completed this lesson.
lesson-completed-short = Completed
lesson-watched-minutes = { $count ->
    [0] Not watched yet
    [one] One minute watched so far
   *[other] { $count } minutes watched so far
}
lesson-percent-watched = { $percent } % watched
lesson-sign-in-to-save = Log in to keep your progress
lesson-nav-label = Other lessons
lesson-previous = Previous lesson
lesson-next = Next lesson
lesson-back-to-module = Back to the module

# Videos and replays
video-download = Download the video
video-unavailable = This video cannot be played here.
replay-version = Version: { $language }
replay-fallback = This replay is not available in your language yet: it is shown in { $language }, with captions in your language where they exist.
replay-versions-label = Other versions of the replay

# Certificates
certificate-title = Certificate of completion
certificate-intro = This certifies that
certificate-completed = has completed the COOPALIM training module
certificate-issued-on = Issued on { $date }
certificate-code = Verification code:
certificate-issuer = Convive — COOPALIM training modules
certificate-verified = This certificate is genuine: it was issued by Convive.
certificate-download = Download the PDF
certificate-print-hint = or print this page.
