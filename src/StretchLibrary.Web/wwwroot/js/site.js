// Progressive enhancement only: every page works without this file.
// Tell the server the browser's time zone, so "today" and weeks follow the user's calendar.
document.addEventListener("DOMContentLoaded", () => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone) {
    for (const input of document.querySelectorAll("input.js-tz")) {
      input.value = zone;
    }
  }
});

// Print buttons (on routine sheets) stay hidden without JavaScript; the browser's own Print works there too.
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("button.js-print")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
});
