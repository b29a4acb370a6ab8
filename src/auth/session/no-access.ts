// The page a person sees when the IdP knows them but none of their groups maps to a role here.
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function noAccessPage(name: string | null, contact: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>No access — Partnership Ledger</title><link rel="stylesheet" href="/web/app.css"></head>
<body><main class="no-access">
<h1>No access to the Partnership Ledger</h1>
<p>${name ? `You are signed in at the city's identity provider as <strong>${esc(name)}</strong>, but` : 'Your account is known to the identity provider, but'}
none of your groups gives you a role here (office, council, reporting or admin).</p>
<p>To get access, ask ${esc(contact)} to add you to the right group.</p>
<p><a href="/auth/login">Try again</a> after your groups were changed.</p>
</main></body></html>`;
}
