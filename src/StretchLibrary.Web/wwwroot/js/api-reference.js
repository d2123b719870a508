// Starts Scalar's API reference (loaded just before from /api/scalar.js) on the app's own OpenAPI document.
// Kept in a file rather than inline so the page needs no 'unsafe-inline' script.
// Every feature that would call another site is off (the CSP would block it anyway): the page talks to this
// origin only. No proxyUrl either, so "Test Request" goes straight to this API.
(function () {
  var root = document.getElementById('reference');
  Scalar.createApiReference(root, {
    url: root.getAttribute('data-url'),
    // Fonts from this origin's defaults only: no requests to a font CDN.
    withDefaultFonts: false,
    // "Ask AI" (Agent Scalar) would send the API description to Scalar's servers.
    agent: { disabled: true },
    // No "Generate MCP" / "Connect MCP" (Scalar's dashboard), and no "Open API Client" button (client.scalar.com).
    mcp: { disabled: true },
    hideClientButton: true,
    // The developer toolbar offers sharing and SDK generation through Scalar's registry.
    showDeveloperTools: 'never',
    telemetry: false,
  });
})();
