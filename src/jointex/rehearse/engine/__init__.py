"""The Monte Carlo engine: per-replication random streams, the batched runner, result tables."""

from jointex.rehearse.engine.protocol import CompiledVignette as CompiledVignette
from jointex.rehearse.engine.results import Estimate as Estimate
from jointex.rehearse.engine.results import RunTable as RunTable
from jointex.rehearse.engine.runner import run_replications as run_replications
from jointex.rehearse.engine.stopping import Progress as Progress
from jointex.rehearse.engine.stopping import StoppingRule as StoppingRule
from jointex.rehearse.engine.streams import replication_keys as replication_keys
from jointex.rehearse.engine.streams import uniforms as uniforms
