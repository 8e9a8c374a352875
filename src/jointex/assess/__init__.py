"""Assessment: objective ratings from evidence, and the after-action report with its improvement plan."""

from jointex.assess.assessment import Assessment as Assessment
from jointex.assess.assessment import assess as assess
