// The media story page's own accessibility toolbar: 长辈模式 (elder mode) enlarges the page's
// text and, through <memorial-provider elder-mode>, every memorial element in the story (text
// ≥ 18px, targets ≥ 60px). The choice is kept for the visit in sessionStorage.
// A module script: it runs once the document is parsed, and needs nothing but the DOM.
const KEY = 'media-story.elder-mode';
const toggle = document.getElementById('elder-toggle');
const scope = document.getElementById('memorial-scope');

function remembered() {
  try {
    return sessionStorage.getItem(KEY) === '1';
  } catch {
    return false; // storage blocked: start with elder mode off
  }
}

function apply(on) {
  document.documentElement.classList.toggle('elder', on);
  toggle.setAttribute('aria-pressed', on ? 'true' : 'false');
  scope?.toggleAttribute('elder-mode', on);
  try {
    sessionStorage.setItem(KEY, on ? '1' : '0');
  } catch {
    // not kept: fine
  }
}

if (toggle) {
  apply(remembered());
  toggle.addEventListener('click', () => apply(toggle.getAttribute('aria-pressed') !== 'true'));
}
