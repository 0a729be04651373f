// Campaign page: while invitations are being sent, poll the campaign API and update the
// progress bar and the funnel totals. Without JavaScript a refresh shows the same figures.
(function () {
  "use strict";
  var section = document.querySelector("[data-campaign-progress]");
  if (!section || !window.fetch) { return; }
  var url = section.getAttribute("data-campaign-progress");
  var bar = section.querySelector("progress");
  var done = section.querySelector("[data-progress-done]");
  var of = section.querySelector("[data-progress-of]");
  var sending = section.querySelector("[data-in-flight-text]");
  var idleRounds = 0;

  function update(data) {
    var f = data.funnel || {};
    Object.keys(f).forEach(function (stage) {
      var cell = section.querySelector('[data-funnel="' + stage + '"]');
      if (cell) { cell.textContent = String(f[stage]); }
    });
    var finished = (f.sent || 0) + (f.failed || 0);
    if (bar) { bar.max = Math.max(f.queued || 0, 1); bar.value = finished; bar.textContent = finished + " / " + (f.queued || 0); }
    if (done) { done.textContent = String(finished); }
    if (of) { of.textContent = String(f.queued || 0); }
    if (sending) { sending.hidden = !(data.in_flight > 0); }
    return data.in_flight > 0;
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        // Keep polling while mail is in flight, and a little after, then stop.
        idleRounds = update(data) ? 0 : idleRounds + 1;
        if (idleRounds < 3) { window.setTimeout(poll, 2000); }
      })
      .catch(function () { /* offline: the figures stay as the page showed them */ });
  }

  if (section.getAttribute("data-in-flight") !== "0") { window.setTimeout(poll, 1000); }
})();
