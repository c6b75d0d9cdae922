from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetPulumiDeployExecutorRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetPulumiDeployExecutorResponse(_message.Message):
    __slots__ = ("value",)
    VALUE_FIELD_NUMBER: _ClassVar[int]
    value: _struct_pb2.Struct
    def __init__(self, value: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class PollDeploymentsQueueRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PollDeploymentsQueueResponse(_message.Message):
    __slots__ = ("job_token", "oidc_token", "type_specific_id", "deployment_id", "job_id", "run_id")
    JOB_TOKEN_FIELD_NUMBER: _ClassVar[int]
    OIDC_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TYPE_SPECIFIC_ID_FIELD_NUMBER: _ClassVar[int]
    DEPLOYMENT_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    job_token: str
    oidc_token: str
    type_specific_id: str
    deployment_id: str
    job_id: str
    run_id: str
    def __init__(self, job_token: _Optional[str] = ..., oidc_token: _Optional[str] = ..., type_specific_id: _Optional[str] = ..., deployment_id: _Optional[str] = ..., job_id: _Optional[str] = ..., run_id: _Optional[str] = ...) -> None: ...

class GetDeploymentStatusRequest(_message.Message):
    __slots__ = ("deployment_id",)
    DEPLOYMENT_ID_FIELD_NUMBER: _ClassVar[int]
    deployment_id: str
    def __init__(self, deployment_id: _Optional[str] = ...) -> None: ...

class GetDeploymentStatusResponse(_message.Message):
    __slots__ = ("value",)
    VALUE_FIELD_NUMBER: _ClassVar[int]
    value: str
    def __init__(self, value: _Optional[str] = ...) -> None: ...
