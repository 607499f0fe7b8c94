"""The two layouts a school file may have, by their column names.

The association's own layout has one row per school, naming its board:

    brin, naam, plaats, provincie, soort, clusters, bestuursnummer, bestuursnaam;
    optional: lid, lid_sinds, samenwerkingsverband, website, emaildomeinen,
    uitstroomprofielen, omschrijving, vestigingsnummer, adres, postcode

DUO's register of (v)so locations has one row per location (the main location
has number 00) and holds no SO/VSO, clusters or e-mail domains:

    PROVINCIE, BEVOEGD GEZAG NUMMER, BRIN NUMMER, INSTELLINGSNAAM (or
    VESTIGINGSNAAM), PLAATSNAAM; optional: VESTIGINGSNUMMER, STRAATNAAM,
    HUISNUMMER-TOEVOEGING, POSTCODE, GEMEENTENAAM, DENOMINATIE, TELEFOONNUMMER,
    INTERNETADRES, BEVOEGD GEZAG NAAM

Names are matched with case, spaces, hyphens and underscores ignored.
"""

import re
from dataclasses import dataclass


def header_key(name: str) -> str:
    """A column name with case, spaces, hyphens and underscores ignored, so
    `BEVOEGD GEZAG NUMMER`, `bevoegd-gezag-nummer` and `lid_sinds` match."""
    return re.sub(r"[\s\-_]+", "", name or "").lower()


@dataclass(frozen=True)
class Layout:
    name: str
    required: tuple[str, ...]
    optional: tuple[str, ...]
    # Columns of which one is enough, e.g. DUO's two ways to name a location.
    one_of: tuple[tuple[str, ...], ...] = ()

    def recognises(self, header_keys: list[str]) -> bool:
        return all(header_key(name) in header_keys for name in self.required[:3])

    def missing(self, header_keys: list[str]) -> list[str]:
        missing = [
            name for name in self.required if header_key(name) not in header_keys
        ]
        for names in self.one_of:
            if not any(header_key(name) in header_keys for name in names):
                missing.append(" / ".join(names))
        return missing

    def named(self, by_key: dict[str, str]) -> dict[str, str]:
        """A row keyed by the column names this layout documents."""
        columns = self.required + self.optional + sum(self.one_of, ())
        return {name: by_key.get(header_key(name), "") for name in columns}


OWN_LAYOUT = Layout(
    name="own",
    required=(
        "brin",
        "naam",
        "plaats",
        "provincie",
        "soort",
        "clusters",
        "bestuursnummer",
        "bestuursnaam",
    ),
    optional=(
        "lid",
        "lid_sinds",
        "samenwerkingsverband",
        "website",
        "emaildomeinen",
        "uitstroomprofielen",
        "omschrijving",
        "vestigingsnummer",
        "adres",
        "postcode",
    ),
)

DUO_LAYOUT = Layout(
    name="duo",
    # The first three tell a DUO file from any other.
    required=("BRIN NUMMER", "BEVOEGD GEZAG NUMMER", "PROVINCIE", "PLAATSNAAM"),
    optional=(
        "VESTIGINGSNUMMER",
        "STRAATNAAM",
        "HUISNUMMER-TOEVOEGING",
        "POSTCODE",
        "GEMEENTENAAM",
        "DENOMINATIE",
        "TELEFOONNUMMER",
        "INTERNETADRES",
        "BEVOEGD GEZAG NAAM",
    ),
    one_of=(("INSTELLINGSNAAM", "VESTIGINGSNAAM"),),
)
