// Passkeys that open the sealed reports (WebAuthn's PRF extension). The sign-in with a
// passkey asks the authenticator for its PRF output beside the assertion and sends it with
// the form (the server unwraps the member's key with it); the "Open the reports with a
// passkey" page asks a passkey for it once, to wrap the key. Where the browser or the
// passkey gives no PRF output, the sign-in goes on as before and the member types their
// password once afterwards.
(function () {
  "use strict";

  function toBytes(text) {
    const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    const padded = base64 + "===".slice((base64.length + 3) % 4);
    return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  }

  function toText(buffer) {
    const bytes = new Uint8Array(buffer);
    let binary = "";
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function requestOptions(options, salt) {
    const publicKey = Object.assign({}, options.publicKey || options);
    publicKey.challenge = toBytes(publicKey.challenge);
    publicKey.allowCredentials = (publicKey.allowCredentials || []).map((c) =>
      Object.assign({}, c, { id: toBytes(c.id) }));
    publicKey.extensions = Object.assign({}, publicKey.extensions || {},
      { prf: { eval: { first: toBytes(salt) } } });
    return publicKey;
  }

  // As webauthn-json writes a credential, without the PRF output (sent apart).
  function credentialJSON(credential) {
    const response = credential.response;
    return JSON.stringify({
      type: credential.type,
      id: credential.id,
      rawId: toText(credential.rawId),
      authenticatorAttachment: credential.authenticatorAttachment || null,
      response: {
        clientDataJSON: toText(response.clientDataJSON),
        authenticatorData: toText(response.authenticatorData),
        signature: toText(response.signature),
        userHandle: response.userHandle ? toText(response.userHandle) : null,
      },
      clientExtensionResults: {},
    });
  }

  function prfOutput(credential) {
    const results = credential.getClientExtensionResults();
    const first = results && results.prf && results.prf.results && results.prf.results.first;
    return first ? toText(first) : "";
  }

  async function signIn(event) {
    event.preventDefault();
    const form = document.getElementById("mfa_login");
    try {
      const answer = await fetch(form.action, { headers: { Accept: "application/json" } });
      if (!answer.ok) throw new Error("passkey options: HTTP " + answer.status);
      const data = await answer.json();
      const credential = await navigator.credentials.get({
        publicKey: requestOptions(data.request_options, form.dataset.prfSalt),
      });
      form.elements.credential.value = credentialJSON(credential);
      form.elements.prf.value = prfOutput(credential);
      form.submit();
    } catch (error) {
      console.error(error);
    }
  }

  async function letPasskeyOpen(event) {
    const button = event.currentTarget;
    const list = button.closest("[data-prf-salt]");
    const form = button.form;
    const challenge = new Uint8Array(32);
    crypto.getRandomValues(challenge);
    try {
      const credential = await navigator.credentials.get({
        publicKey: {
          challenge,
          rpId: list.dataset.rpId,
          allowCredentials: [{ type: "public-key", id: toBytes(button.dataset.passkeyId) }],
          userVerification: "required",
          extensions: { prf: { eval: { first: toBytes(list.dataset.prfSalt) } } },
        },
      });
      form.elements.credential.value = JSON.stringify({ id: credential.id });
      form.elements.prf.value = prfOutput(credential);
      form.submit();
    } catch (error) {
      console.error(error);
    }
  }

  // A new passkey, as the library's script makes it, with the PRF extension asked for: an
  // authenticator enables it only for credentials made with it.
  async function createPasskey(event) {
    event.preventDefault();
    const marks = document.getElementById("passkey-create");
    const passwordless = document.getElementById(marks.dataset.passwordless);
    const input = document.getElementById(marks.dataset.credential);
    const data = JSON.parse(document.getElementById("js_data").textContent);
    const publicKey = Object.assign({}, data.creation_options.publicKey);
    publicKey.challenge = toBytes(publicKey.challenge);
    publicKey.user = Object.assign({}, publicKey.user, { id: toBytes(publicKey.user.id) });
    publicKey.excludeCredentials = (publicKey.excludeCredentials || []).map((c) =>
      Object.assign({}, c, { id: toBytes(c.id) }));
    const selection = Object.assign({}, publicKey.authenticatorSelection || {});
    if (passwordless) {
      selection.residentKey = passwordless.checked ? "required" : "discouraged";
      selection.requireResidentKey = passwordless.checked;
      if (passwordless.checked) selection.userVerification = "required";
    }
    publicKey.authenticatorSelection = selection;
    publicKey.extensions = Object.assign({}, publicKey.extensions || {}, { prf: {} });
    try {
      const credential = await navigator.credentials.create({ publicKey });
      const response = credential.response;
      const results = credential.getClientExtensionResults() || {};
      input.value = JSON.stringify({
        type: credential.type,
        id: credential.id,
        rawId: toText(credential.rawId),
        authenticatorAttachment: credential.authenticatorAttachment || null,
        response: {
          clientDataJSON: toText(response.clientDataJSON),
          attestationObject: toText(response.attestationObject),
          transports: response.getTransports ? response.getTransports() : [],
        },
        clientExtensionResults: results.credProps ? { credProps: results.credProps } : {},
      });
      input.form.submit();
    } catch (error) {
      console.error(error);
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    const create = document.getElementById("mfa_webauthn_add");
    if (create && document.getElementById("passkey-create")) {
      create.addEventListener("click", createPasskey);
    }
    const login = document.getElementById("passkey_login");
    if (login) login.addEventListener("click", signIn);
    const buttons = document.querySelectorAll("[data-passkey-id]");
    if (buttons.length && !window.PublicKeyCredential) {
      document.querySelector(".passkey-unlock-unsupported").hidden = false;
    }
    buttons.forEach((b) => b.addEventListener("click", letPasskeyOpen));
  });
})();
