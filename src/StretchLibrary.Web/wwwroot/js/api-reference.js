// Starts Scalar's API reference (loaded just before from /api/scalar.js) on the app's own OpenAPI document.
// Kept in a file rather than inline so the page needs no 'unsafe-inline' script.
(function () {
  var root = document.getElementById('reference');
  Scalar.createApiReference(root, {
    url: root.getAttribute('data-url'),
    // Fonts from this origin's defaults only: no requests to a font CDN.
    withDefaultFonts: false,
    hideClientButton: true,
    telemetry: false,
    showDeveloperTools: 'never',
  });
})();
