"""The vocabulary of jointex: frozen, validated models of an exercise. Pure data; no I/O.

This package imports nothing else of jointex, so every layer can use it.
"""

from jointex.model.base import Frozen as Frozen
from jointex.model.exercise import FORMAT_VERSION as FORMAT_VERSION
from jointex.model.exercise import Exercise as Exercise
from jointex.model.exercise import ExerciseType as ExerciseType
from jointex.model.exercise import Phase as Phase
from jointex.model.geo import Area as Area
from jointex.model.geo import GeoPoint as GeoPoint
from jointex.model.geo import Place as Place
from jointex.model.interop import Clearance as Clearance
from jointex.model.interop import InteropDomain as InteropDomain
from jointex.model.interop import InteropSettings as InteropSettings
from jointex.model.interop import Waiver as Waiver
from jointex.model.labels import Classification as Classification
from jointex.model.labels import Label as Label
from jointex.model.objective import Aspect as Aspect
from jointex.model.objective import Measure as Measure
from jointex.model.objective import Objective as Objective
from jointex.model.participant import Actor as Actor
from jointex.model.participant import ControlCell as ControlCell
from jointex.model.participant import Controller as Controller
from jointex.model.participant import Participant as Participant
from jointex.model.participant import ParticipantRole as ParticipantRole
from jointex.model.platform import AarMethod as AarMethod
from jointex.model.platform import Domain as Domain
from jointex.model.platform import Platform as Platform
from jointex.model.platform import PlatformCategory as PlatformCategory
from jointex.model.platform import ReceiverMethod as ReceiverMethod
from jointex.model.scenario import DeliveryMethod as DeliveryMethod
from jointex.model.scenario import Event as Event
from jointex.model.scenario import Incident as Incident
from jointex.model.scenario import Inject as Inject
from jointex.model.scenario import Scenario as Scenario
from jointex.model.unit import CommsFit as CommsFit
from jointex.model.unit import Echelon as Echelon
from jointex.model.unit import EquipmentLine as EquipmentLine
from jointex.model.unit import Service as Service
from jointex.model.unit import Unit as Unit
from jointex.model.vignette import Vignette as Vignette
from jointex.model.vignette import VignetteKind as VignetteKind
from jointex.model.vignette import VignetteParameters as VignetteParameters
