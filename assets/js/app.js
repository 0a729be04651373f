// Small progressive enhancements; every page works without them.
(function () {
  "use strict";
  // Remember the browser's time zone so pages show times in the viewer's zone.
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf("tz=" + zone) === -1) {
      document.cookie = "tz=" + zone + "; path=/; max-age=31536000; samesite=lax";
    }
    // Pre-fill the time zone of a fresh registration form; the person can edit it.
    var field = document.querySelector("[data-detect-timezone]");
    if (zone && field) { field.value = zone; }
  } catch (e) { /* old browser: times stay in the session's zone */ }
})();
// A form sent back with errors: put the focus on the first field to correct, whose
// label and error message (aria-describedby) are then read out.
(function () {
  "use strict";
  var invalid = document.querySelector("main [aria-invalid=true]");
  if (invalid && invalid.focus) { invalid.focus(); }
})();
// The countdown of a session that starts within a day, kept current every minute; it
// goes away once the session has started.
(function () {
  "use strict";
  var timers = document.querySelectorAll("[data-countdown]");
  if (!timers.length) { return; }
  function tick() {
    for (var i = 0; i < timers.length; i++) {
      var el = timers[i];
      var left = Math.floor((Date.parse(el.getAttribute("data-countdown")) - Date.now()) / 60000);
      if (isNaN(left)) { continue; }
      if (left < 0) { el.hidden = true; continue; }
      el.textContent = el.getAttribute("data-template")
        .replace("{h}", String(Math.floor(left / 60)))
        .replace("{m}", String(left % 60));
    }
  }
  tick();
  setInterval(tick, 30000);
})();
