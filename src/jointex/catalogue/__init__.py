"""Reference data shipped as package data (nations, platform types, standards) and its loader."""

from jointex.catalogue.catalogue import SECTIONS as SECTIONS
from jointex.catalogue.catalogue import Catalogue as Catalogue
from jointex.catalogue.catalogue import builtin_catalogue as builtin_catalogue
from jointex.catalogue.nations import Nation as Nation
from jointex.catalogue.nations import language_key as language_key
from jointex.catalogue.nations import languages as languages
from jointex.catalogue.nations import nation_name as nation_name
from jointex.catalogue.nations import nations as nations
