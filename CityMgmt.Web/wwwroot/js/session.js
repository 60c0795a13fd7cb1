// Renews the authentication cookie while the user works inside the Blazor circuit.
window.cityMgmtSession = {
  keepAlive: () => fetch('/account/keepalive', { method: 'POST', credentials: 'same-origin' }).catch(() => { })
};
