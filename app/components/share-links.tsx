// "Deel via WhatsApp" (a plain link, works everywhere) and "Kopieer link" (a button that needs
// JavaScript, so it only appears once the page is interactive; without it the address is shown).
import { useState } from "react";
import { useHydrated } from "remix-utils/use-hydrated";
import { whatsAppShareUrl } from "~/models/share";

export function ShareLinks({ url, text }: { url: string; text: string }) {
  const hydrated = useHydrated();
  const [message, setMessage] = useState("");
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setMessage("De link is gekopieerd. Je kunt hem nu plakken in een bericht of e-mail.");
    } catch {
      setMessage(`Kopiëren lukte niet. Kopieer deze link zelf: ${url}`);
    }
  }
  return (
    <div className="share-links no-print">
      <ul className="inline-actions">
        <li>
          <a href={whatsAppShareUrl(text, url)} rel="noopener noreferrer" target="_blank">
            Deel via WhatsApp<span className="visually-hidden"> (opent WhatsApp)</span>
          </a>
        </li>
        <li>
          {hydrated ? (
            <button type="button" className="secondary" onClick={copy}>
              Kopieer link
            </button>
          ) : (
            <span>
              Link: <span className="share-url">{url}</span>
            </span>
          )}
        </li>
      </ul>
      <p role="status" className="hint">
        {message}
      </p>
    </div>
  );
}
