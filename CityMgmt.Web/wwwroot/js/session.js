// Renews the authentication cookie while the user works inside the Blazor circuit.
window.cityMgmtSession = {
  keepAlive: () => fetch('/account/keepalive', { method: 'POST', credentials: 'same-origin' }).catch(() => { })
};

// Marks the page once the interactive circuit has rendered (tests and scripts wait for it).
window.cityMgmtSession.ready = () => document.body.setAttribute('data-circuit', 'ready');
