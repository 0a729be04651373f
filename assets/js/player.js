// Lesson player: for signed-in learners, reports the intervals actually played to
// the server (seeking does not count) and resumes where they stopped. Data comes
// from data- attributes: data-progress-url, data-resume, data-duration.
(function () {
  "use strict";
  var video = document.querySelector("video[data-progress-url]");
  if (!video || !window.fetch) { return; }
  var url = video.getAttribute("data-progress-url");
  var resume = parseFloat(video.getAttribute("data-resume")) || 0;
  var status = document.querySelector("[data-lesson-status]");
  var pending = [];      // closed intervals not sent yet
  var start = null;      // start of the interval being played
  var last = null;       // last position seen while playing
  var sending = false;
  var again = false;     // a report was asked for while one was in flight

  function close() {
    if (start !== null && last !== null && last > start) { pending.push([start, last]); }
    start = null;
  }

  function send(final) {
    close();
    if (video.paused === false) { start = video.currentTime; last = start; }
    if (sending && !final) { again = true; return; }
    var body = JSON.stringify({ watched: pending, position_s: video.currentTime });
    var batch = pending;
    pending = [];
    sending = true;
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: body,
      keepalive: true
    }).then(function (res) {
      if (!res.ok) { throw new Error(res.status); }
      return res.json();
    }).then(function (state) {
      if (status && state.completed && status.getAttribute("data-done") !== "1") {
        status.setAttribute("data-done", "1");
        status.textContent = status.getAttribute("data-completed-text") || status.textContent;
      }
    }).catch(function () {
      pending = batch.concat(pending); // try again with the next report
    }).then(function () {
      sending = false;
      // The pause or the end came while a report was in flight: send it now, or it
      // would wait for the next play.
      if (again) { again = false; send(false); }
    });
  }

  video.addEventListener("loadedmetadata", function () {
    if (resume > 1 && resume < video.duration - 3) { video.currentTime = resume; }
  });
  video.addEventListener("playing", function () { start = video.currentTime; last = start; });
  video.addEventListener("timeupdate", function () {
    if (start === null || video.seeking) { return; }
    var now = video.currentTime;
    // Normal playback moves by well under two seconds between updates; a larger
    // jump is a seek, which closes the interval.
    if (now < last || now - last > 2) { close(); start = now; }
    last = now;
  });
  video.addEventListener("seeking", close);
  video.addEventListener("seeked", function () {
    if (!video.paused) { start = video.currentTime; last = start; }
  });
  video.addEventListener("pause", function () { send(false); });
  video.addEventListener("ended", function () { send(false); });
  setInterval(function () { if (!video.paused) { send(false); } }, 15000);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") { send(true); }
  });
})();

// Replay player: counts one view (for the organisers' dashboard) the first time the
// replay starts playing on this page. Nothing about the viewer is sent.
(function () {
  "use strict";
  var player = document.querySelector(".player[data-view-url]");
  var video = player && player.querySelector("video");
  if (!video || !window.fetch) { return; }
  var counted = false;
  video.addEventListener("playing", function () {
    if (counted) { return; }
    counted = true;
    fetch(player.getAttribute("data-view-url"), { method: "POST", credentials: "omit", keepalive: true })
      .catch(function () { counted = false; });
  });
})();
