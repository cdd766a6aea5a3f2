// The editions of the Week tegen Eenzaamheid as the programme team set them (edition dates are
// data, not a rule: DOMAIN.md). Weeks are Amsterdam calendar dates; windows are instants, each
// "closes" being the first moment it is closed. Loaded into an empty installation only; after
// that the programme team owns the rows.
import type { KitItem } from "../schema";

export type EditionReference = {
  year: number;
  number: number;
  weekStart: string;
  weekEnd: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  orderingOpensAt: string;
  orderingClosesAt: string;
  reportDeadline: string;
  kitStock: number;
  kitContents: KitItem[];
};

/** What a Kom Erbij-pakket held in the editions 2024–2027. */
export const KIT_CONTENTS: KitItem[] = [
  { item: "Posters (A3)", quantity: 3 },
  { item: "Placemats", quantity: 50 },
  { item: "Ansichtkaarten", quantity: 25 },
  { item: "Gesprekskaartjes (set)", quantity: 5 },
  { item: "Uitnodigingskaarten", quantity: 50 },
  { item: "Buttons", quantity: 25 },
  { item: "Vloerstickers", quantity: 4 },
];

export const EDITIONS: EditionReference[] = [
  {
    year: 2024,
    number: 15,
    weekStart: "2024-09-26",
    weekEnd: "2024-10-02",
    registrationOpensAt: "2024-03-01T00:00:00+01:00",
    registrationClosesAt: "2024-10-03T00:00:00+02:00",
    orderingOpensAt: "2024-04-15T00:00:00+02:00",
    orderingClosesAt: "2024-09-01T00:00:00+02:00",
    reportDeadline: "2024-12-01T00:00:00+01:00",
    kitStock: 750,
    kitContents: KIT_CONTENTS,
  },
  {
    year: 2025,
    number: 16,
    weekStart: "2025-09-25",
    weekEnd: "2025-10-01",
    registrationOpensAt: "2025-03-01T00:00:00+01:00",
    registrationClosesAt: "2025-10-02T00:00:00+02:00",
    orderingOpensAt: "2025-04-14T00:00:00+02:00",
    orderingClosesAt: "2025-09-01T00:00:00+02:00",
    reportDeadline: "2025-12-01T00:00:00+01:00",
    kitStock: 800,
    kitContents: KIT_CONTENTS,
  },
  {
    year: 2026,
    number: 17,
    weekStart: "2026-09-24",
    weekEnd: "2026-09-30",
    registrationOpensAt: "2026-03-02T00:00:00+01:00",
    registrationClosesAt: "2026-10-01T00:00:00+02:00",
    orderingOpensAt: "2026-04-13T00:00:00+02:00",
    orderingClosesAt: "2026-09-01T00:00:00+02:00",
    reportDeadline: "2026-12-16T00:00:00+01:00",
    kitStock: 850,
    kitContents: KIT_CONTENTS,
  },
  {
    year: 2027,
    number: 18,
    weekStart: "2027-09-30",
    weekEnd: "2027-10-06",
    registrationOpensAt: "2026-11-02T00:00:00+01:00",
    registrationClosesAt: "2027-10-07T00:00:00+02:00",
    orderingOpensAt: "2026-11-02T00:00:00+01:00",
    orderingClosesAt: "2027-09-01T00:00:00+02:00",
    reportDeadline: "2027-12-16T00:00:00+01:00",
    kitStock: 900,
    kitContents: KIT_CONTENTS,
  },
];
