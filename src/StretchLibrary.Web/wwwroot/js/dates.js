// Dates as the server writes them (Adherence.cs, the history table, the account page): "6 Dec 2026",
// "Sun 6 Dec", "6 Dec 2026 15:53", in English whatever the browser's language, so one page never mixes two
// formats. Shared by the pages and the service worker (sw.js), so it uses nothing of window.
"use strict";
self.StretchDates = (() => {
  const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const two = (n) => String(n).padStart(2, "0");

  // A calendar date "yyyy-mm-dd" as a local Date at noon (clear of any daylight-saving jump).
  const parse = (iso) => new Date(`${iso}T12:00:00`);
  const iso = (d) => `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;

  // "6 Dec 2026" (d MMM yyyy).
  const day = (d) => `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
  // "Sun 6 Dec" (ddd d MMM).
  const weekday = (d) => `${DAYS[d.getDay()]} ${d.getDate()} ${MONTHS[d.getMonth()]}`;
  // "6 Dec 2026 15:53" (d MMM yyyy HH:mm).
  const dayAndTime = (d) => `${day(d)} ${two(d.getHours())}:${two(d.getMinutes())}`;

  return { parse, iso, day, weekday, dayAndTime };
})();
