"""Size and health of the bundled dictionaries: actors, agents, every UN member state, places, validity."""

from __future__ import annotations

import pytest

from hadath.kb.validate import validate

# the 193 member states of the United Nations (ISO 3166-1 alpha-3), written for this test
UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR BFA BDI
CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE PRK DNK DJI DMA DOM ECU EGY SLV GNQ ERI
EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA
JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM
MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT
KOR ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split()


REGION = ("DZA BHR EGY IRQ JOR KWT LBN LBY MAR OMN QAT SAU SDN SYR TUN ARE YEM IRN ISR TUR RUS USA GBR FRA DEU CHN "
          "SOM MRT DJI COM ETH ERI PAK AFG").split()


def test_un_member_list_is_complete() -> None:
    assert len(UN_MEMBERS) == len(set(UN_MEMBERS)) == 193


def test_counts(kb) -> None:
    assert len(kb.actors) >= 3000
    assert len(kb.agents) >= 400
    with_coords = [p for p in kb.places.values() if p.lat is not None and p.lon is not None
                   and (p.lat, p.lon) != (0.0, 0.0)]
    assert len(with_coords) >= 2000


def test_every_un_member_state(kb) -> None:
    missing = [c for c in UN_MEMBERS if c not in kb.countries]
    assert not missing, f"UN member states missing from countries.tsv: {missing}"
    for iso3 in UN_MEMBERS:
        c = kb.countries[iso3]
        assert c.names_ar and c.name_en, iso3
    # the nisba ("روسي") is how most actors get their country: the region's states all have one
    assert not [c for c in REGION if not kb.countries[c].adjectives]


@pytest.mark.parametrize("iso3", ["PSE", "VAT"])
def test_observer_states(kb, iso3: str) -> None:
    assert iso3 in kb.countries


def test_bundled_dictionaries_validate() -> None:
    errors = [p for p in validate() if p.severity == "error"]
    assert not errors, "\n".join(map(str, errors[:20]))


def test_actor_codes_name_a_country_or_transnational_body(kb) -> None:
    transnational = {"IGO", "IMG", "NGO", "MNC", "UAF", "REB", "REL", "MUS", "CHR", "JEW", "BUD", "HIN"}
    bad = []
    for a in kb.actors.values():
        assert a.name_en and a.name_ar, a.id
        if a.country:
            assert a.id.startswith((a.country.lower() + "-", "img-", "igo-")), a.id
        bad += [(a.id, str(c)) for c in a.codes if c.code[:3] not in kb.countries and c.code[:3] not in transnational]
    assert not bad, bad[:20]
