// Share previews and share links (browser and server): the Open Graph and Twitter card tags for a
// page, and the WhatsApp link. The preview itself (title, text, image address) is made on the server.
import type { MetaDescriptor } from "@remix-run/node";

export type SharePreview = {
  title: string;
  description: string;
  url: string;
  imageUrl: string;
  imageAlt: string;
};

export const SHARE_IMAGE = { width: 1200, height: 630 } as const;

/** The tags WhatsApp, Facebook, LinkedIn, Signal and X read to show a link with a picture. */
export function shareMetaTags(p: SharePreview): MetaDescriptor[] {
  return [
    { property: "og:type", content: "website" },
    { property: "og:site_name", content: "Kom erbij – Week tegen Eenzaamheid" },
    { property: "og:locale", content: "nl_NL" },
    { property: "og:title", content: p.title },
    { property: "og:description", content: p.description },
    { property: "og:url", content: p.url },
    { property: "og:image", content: p.imageUrl },
    { property: "og:image:type", content: "image/png" },
    { property: "og:image:width", content: String(SHARE_IMAGE.width) },
    { property: "og:image:height", content: String(SHARE_IMAGE.height) },
    { property: "og:image:alt", content: p.imageAlt },
    { name: "twitter:card", content: "summary_large_image" },
    { name: "twitter:title", content: p.title },
    { name: "twitter:description", content: p.description },
    { name: "twitter:image", content: p.imageUrl },
    { name: "twitter:image:alt", content: p.imageAlt },
    { tagName: "link", rel: "canonical", href: p.url },
  ];
}

/** "Deel via WhatsApp": opens WhatsApp (app or web) with the text and the link filled in. */
export const whatsAppShareUrl = (text: string, url: string) => `https://wa.me/?text=${encodeURIComponent(`${text} ${url}`)}`;
