// The test calls startLms(state) to (re)launch the SCO against a fresh API, optionally holding the
// cmi data an LMS kept from an earlier session (scorm-again loads it before LMSInitialize).
window.startLms = (launch, state) => {
  const api = new window.Scorm12API({ lmsCommitUrl: false, autocommit: false, logLevel: 5 });
  if (state) api.loadFromJSON(JSON.parse(state), "cmi");
  window.commits = 0;
  api.on("LMSCommit", () => window.commits++);
  window.API = api;
  document.querySelector("iframe").src = launch;
};
