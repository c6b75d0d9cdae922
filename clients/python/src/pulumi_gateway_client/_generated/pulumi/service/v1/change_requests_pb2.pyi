from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import common_pb2 as _common_pb2
from pulumi_gateway_client._generated.pulumi.service.v1 import types_pb2 as _types_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ListChangeRequestsRequest(_message.Message):
    __slots__ = ("org_name", "continuation_token", "count", "entity_id", "entity_type")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    ENTITY_ID_FIELD_NUMBER: _ClassVar[int]
    ENTITY_TYPE_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    continuation_token: str
    count: int
    entity_id: str
    entity_type: str
    def __init__(self, org_name: _Optional[str] = ..., continuation_token: _Optional[str] = ..., count: _Optional[int] = ..., entity_id: _Optional[str] = ..., entity_type: _Optional[str] = ...) -> None: ...

class ListChangeRequestsResponse(_message.Message):
    __slots__ = ("change_requests", "continuation_token")
    CHANGE_REQUESTS_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    change_requests: _containers.RepeatedCompositeFieldContainer[ChangeRequest]
    continuation_token: str
    def __init__(self, change_requests: _Optional[_Iterable[_Union[ChangeRequest, _Mapping]]] = ..., continuation_token: _Optional[str] = ...) -> None: ...

class ChangeRequest(_message.Message):
    __slots__ = ("id", "status", "org_id", "created_by", "description", "created_at", "entity", "action", "latest_revision_number")
    ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    ENTITY_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    LATEST_REVISION_NUMBER_FIELD_NUMBER: _ClassVar[int]
    id: str
    status: str
    org_id: str
    created_by: _common_pb2.UserInfo
    description: str
    created_at: str
    entity: _types_pb2.TargetEntity
    action: str
    latest_revision_number: int
    def __init__(self, id: _Optional[str] = ..., status: _Optional[str] = ..., org_id: _Optional[str] = ..., created_by: _Optional[_Union[_common_pb2.UserInfo, _Mapping]] = ..., description: _Optional[str] = ..., created_at: _Optional[str] = ..., entity: _Optional[_Union[_types_pb2.TargetEntity, _Mapping]] = ..., action: _Optional[str] = ..., latest_revision_number: _Optional[int] = ...) -> None: ...

class GetChangeRequestRequest(_message.Message):
    __slots__ = ("org_name", "change_request_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    CHANGE_REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    change_request_id: str
    def __init__(self, org_name: _Optional[str] = ..., change_request_id: _Optional[str] = ...) -> None: ...

class GetChangeRequestResponse(_message.Message):
    __slots__ = ("id", "status", "org_id", "created_by", "description", "created_at", "entity", "action", "latest_revision_number", "gate_evaluation")
    ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ORG_ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    ENTITY_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    LATEST_REVISION_NUMBER_FIELD_NUMBER: _ClassVar[int]
    GATE_EVALUATION_FIELD_NUMBER: _ClassVar[int]
    id: str
    status: str
    org_id: str
    created_by: _common_pb2.UserInfo
    description: str
    created_at: str
    entity: _types_pb2.TargetEntity
    action: str
    latest_revision_number: int
    gate_evaluation: ChangeRequestGateEvaluation
    def __init__(self, id: _Optional[str] = ..., status: _Optional[str] = ..., org_id: _Optional[str] = ..., created_by: _Optional[_Union[_common_pb2.UserInfo, _Mapping]] = ..., description: _Optional[str] = ..., created_at: _Optional[str] = ..., entity: _Optional[_Union[_types_pb2.TargetEntity, _Mapping]] = ..., action: _Optional[str] = ..., latest_revision_number: _Optional[int] = ..., gate_evaluation: _Optional[_Union[ChangeRequestGateEvaluation, _Mapping]] = ...) -> None: ...

class ChangeRequestGateEvaluation(_message.Message):
    __slots__ = ("satisfied", "applicable_gates")
    SATISFIED_FIELD_NUMBER: _ClassVar[int]
    APPLICABLE_GATES_FIELD_NUMBER: _ClassVar[int]
    satisfied: bool
    applicable_gates: _containers.RepeatedCompositeFieldContainer[ChangeGateEvaluation]
    def __init__(self, satisfied: _Optional[bool] = ..., applicable_gates: _Optional[_Iterable[_Union[ChangeGateEvaluation, _Mapping]]] = ...) -> None: ...

class ChangeGateEvaluation(_message.Message):
    __slots__ = ("id", "name", "satisfied", "rule_details")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SATISFIED_FIELD_NUMBER: _ClassVar[int]
    RULE_DETAILS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    satisfied: bool
    rule_details: ChangeGateRuleEvaluation
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., satisfied: _Optional[bool] = ..., rule_details: _Optional[_Union[ChangeGateRuleEvaluation, _Mapping]] = ...) -> None: ...

class ChangeGateRuleEvaluation(_message.Message):
    __slots__ = ("rule_type", "required_approvals", "approvers")
    RULE_TYPE_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_APPROVALS_FIELD_NUMBER: _ClassVar[int]
    APPROVERS_FIELD_NUMBER: _ClassVar[int]
    rule_type: str
    required_approvals: int
    approvers: _containers.RepeatedCompositeFieldContainer[_common_pb2.UserInfo]
    def __init__(self, rule_type: _Optional[str] = ..., required_approvals: _Optional[int] = ..., approvers: _Optional[_Iterable[_Union[_common_pb2.UserInfo, _Mapping]]] = ...) -> None: ...

class UpdateChangeRequestRequest(_message.Message):
    __slots__ = ("org_name", "change_request_id", "description")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    CHANGE_REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    change_request_id: str
    description: str
    def __init__(self, org_name: _Optional[str] = ..., change_request_id: _Optional[str] = ..., description: _Optional[str] = ...) -> None: ...

class UpdateChangeRequestResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ApplyChangeRequestRequest(_message.Message):
    __slots__ = ("org_name", "change_request_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    CHANGE_REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    change_request_id: str
    def __init__(self, org_name: _Optional[str] = ..., change_request_id: _Optional[str] = ...) -> None: ...

class ApplyChangeRequestResponse(_message.Message):
    __slots__ = ("entity_url", "message")
    ENTITY_URL_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    entity_url: str
    message: str
    def __init__(self, entity_url: _Optional[str] = ..., message: _Optional[str] = ...) -> None: ...

class ApproveChangeRequestRequest(_message.Message):
    __slots__ = ("org_name", "change_request_id", "revision_number", "comment")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    CHANGE_REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    REVISION_NUMBER_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    change_request_id: str
    revision_number: int
    comment: str
    def __init__(self, org_name: _Optional[str] = ..., change_request_id: _Optional[str] = ..., revision_number: _Optional[int] = ..., comment: _Optional[str] = ...) -> None: ...

class ApproveChangeRequestResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class UnapproveChangeRequestRequest(_message.Message):
    __slots__ = ("org_name", "change_request_id")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    CHANGE_REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    change_request_id: str
    def __init__(self, org_name: _Optional[str] = ..., change_request_id: _Optional[str] = ...) -> None: ...

class UnapproveChangeRequestResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class CloseChangeRequestRequest(_message.Message):
    __slots__ = ("org_name", "change_request_id", "comment")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    CHANGE_REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    change_request_id: str
    comment: str
    def __init__(self, org_name: _Optional[str] = ..., change_request_id: _Optional[str] = ..., comment: _Optional[str] = ...) -> None: ...

class CloseChangeRequestResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class AddChangeRequestCommentRequest(_message.Message):
    __slots__ = ("org_name", "change_request_id", "comment")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    CHANGE_REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    change_request_id: str
    comment: str
    def __init__(self, org_name: _Optional[str] = ..., change_request_id: _Optional[str] = ..., comment: _Optional[str] = ...) -> None: ...

class AddChangeRequestCommentResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListChangeRequestEventsRequest(_message.Message):
    __slots__ = ("org_name", "change_request_id", "continuation_token")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    CHANGE_REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    change_request_id: str
    continuation_token: str
    def __init__(self, org_name: _Optional[str] = ..., change_request_id: _Optional[str] = ..., continuation_token: _Optional[str] = ...) -> None: ...

class ListChangeRequestEventsResponse(_message.Message):
    __slots__ = ("events", "continuation_token")
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    CONTINUATION_TOKEN_FIELD_NUMBER: _ClassVar[int]
    events: _containers.RepeatedCompositeFieldContainer[ChangeRequestEvent]
    continuation_token: str
    def __init__(self, events: _Optional[_Iterable[_Union[ChangeRequestEvent, _Mapping]]] = ..., continuation_token: _Optional[str] = ...) -> None: ...

class ChangeRequestEvent(_message.Message):
    __slots__ = ("id", "replaced_by", "change_request_id", "revision_number", "created_by", "created_at", "comment", "event_type", "previous_description", "new_description", "new_status", "previous_status", "reason")
    ID_FIELD_NUMBER: _ClassVar[int]
    REPLACED_BY_FIELD_NUMBER: _ClassVar[int]
    CHANGE_REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    REVISION_NUMBER_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    EVENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    NEW_DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    NEW_STATUS_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_STATUS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    id: str
    replaced_by: str
    change_request_id: str
    revision_number: int
    created_by: _common_pb2.UserInfo
    created_at: str
    comment: str
    event_type: str
    previous_description: str
    new_description: str
    new_status: str
    previous_status: str
    reason: str
    def __init__(self, id: _Optional[str] = ..., replaced_by: _Optional[str] = ..., change_request_id: _Optional[str] = ..., revision_number: _Optional[int] = ..., created_by: _Optional[_Union[_common_pb2.UserInfo, _Mapping]] = ..., created_at: _Optional[str] = ..., comment: _Optional[str] = ..., event_type: _Optional[str] = ..., previous_description: _Optional[str] = ..., new_description: _Optional[str] = ..., new_status: _Optional[str] = ..., previous_status: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class SubmitChangeRequestRequest(_message.Message):
    __slots__ = ("org_name", "change_request_id", "description")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    CHANGE_REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    change_request_id: str
    description: str
    def __init__(self, org_name: _Optional[str] = ..., change_request_id: _Optional[str] = ..., description: _Optional[str] = ...) -> None: ...

class SubmitChangeRequestResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
