from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from pulumi_gateway_client._generated.pulumi.gateway.v1 import options_pb2 as _options_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ListOrganizationWebhooksRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class ListOrganizationWebhooksResponse(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[WebhookResponse]
    def __init__(self, items: _Optional[_Iterable[_Union[WebhookResponse, _Mapping]]] = ...) -> None: ...

class WebhookResponse(_message.Message):
    __slots__ = ("organization_name", "project_name", "stack_name", "env_name", "name", "display_name", "payload_url", "secret", "active", "format", "filters", "groups", "has_secret", "secret_ciphertext")
    ORGANIZATION_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    ENV_NAME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    PAYLOAD_URL_FIELD_NUMBER: _ClassVar[int]
    SECRET_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    FILTERS_FIELD_NUMBER: _ClassVar[int]
    GROUPS_FIELD_NUMBER: _ClassVar[int]
    HAS_SECRET_FIELD_NUMBER: _ClassVar[int]
    SECRET_CIPHERTEXT_FIELD_NUMBER: _ClassVar[int]
    organization_name: str
    project_name: str
    stack_name: str
    env_name: str
    name: str
    display_name: str
    payload_url: str
    secret: str
    active: bool
    format: str
    filters: _containers.RepeatedScalarFieldContainer[str]
    groups: _containers.RepeatedScalarFieldContainer[str]
    has_secret: bool
    secret_ciphertext: str
    def __init__(self, organization_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., env_name: _Optional[str] = ..., name: _Optional[str] = ..., display_name: _Optional[str] = ..., payload_url: _Optional[str] = ..., secret: _Optional[str] = ..., active: _Optional[bool] = ..., format: _Optional[str] = ..., filters: _Optional[_Iterable[str]] = ..., groups: _Optional[_Iterable[str]] = ..., has_secret: _Optional[bool] = ..., secret_ciphertext: _Optional[str] = ...) -> None: ...

class CreateOrganizationWebhookRequest(_message.Message):
    __slots__ = ("org_name", "organization_name", "project_name", "stack_name", "env_name", "name", "display_name", "payload_url", "secret", "active", "format", "filters", "groups")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    ENV_NAME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    PAYLOAD_URL_FIELD_NUMBER: _ClassVar[int]
    SECRET_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    FILTERS_FIELD_NUMBER: _ClassVar[int]
    GROUPS_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    organization_name: str
    project_name: str
    stack_name: str
    env_name: str
    name: str
    display_name: str
    payload_url: str
    secret: str
    active: bool
    format: str
    filters: _containers.RepeatedScalarFieldContainer[str]
    groups: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, org_name: _Optional[str] = ..., organization_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., env_name: _Optional[str] = ..., name: _Optional[str] = ..., display_name: _Optional[str] = ..., payload_url: _Optional[str] = ..., secret: _Optional[str] = ..., active: _Optional[bool] = ..., format: _Optional[str] = ..., filters: _Optional[_Iterable[str]] = ..., groups: _Optional[_Iterable[str]] = ...) -> None: ...

class CreateOrganizationWebhookResponse(_message.Message):
    __slots__ = ("webhook",)
    WEBHOOK_FIELD_NUMBER: _ClassVar[int]
    webhook: WebhookResponse
    def __init__(self, webhook: _Optional[_Union[WebhookResponse, _Mapping]] = ...) -> None: ...

class GetOrganizationWebhookRequest(_message.Message):
    __slots__ = ("org_name", "hook_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    HOOK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    hook_name: str
    def __init__(self, org_name: _Optional[str] = ..., hook_name: _Optional[str] = ...) -> None: ...

class GetOrganizationWebhookResponse(_message.Message):
    __slots__ = ("webhook",)
    WEBHOOK_FIELD_NUMBER: _ClassVar[int]
    webhook: WebhookResponse
    def __init__(self, webhook: _Optional[_Union[WebhookResponse, _Mapping]] = ...) -> None: ...

class UpdateOrganizationWebhookRequest(_message.Message):
    __slots__ = ("org_name", "hook_name", "organization_name", "project_name", "stack_name", "env_name", "name", "display_name", "payload_url", "secret", "active", "format", "filters", "groups")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    HOOK_NAME_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    ENV_NAME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    PAYLOAD_URL_FIELD_NUMBER: _ClassVar[int]
    SECRET_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    FILTERS_FIELD_NUMBER: _ClassVar[int]
    GROUPS_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    hook_name: str
    organization_name: str
    project_name: str
    stack_name: str
    env_name: str
    name: str
    display_name: str
    payload_url: str
    secret: str
    active: bool
    format: str
    filters: _containers.RepeatedScalarFieldContainer[str]
    groups: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, org_name: _Optional[str] = ..., hook_name: _Optional[str] = ..., organization_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., env_name: _Optional[str] = ..., name: _Optional[str] = ..., display_name: _Optional[str] = ..., payload_url: _Optional[str] = ..., secret: _Optional[str] = ..., active: _Optional[bool] = ..., format: _Optional[str] = ..., filters: _Optional[_Iterable[str]] = ..., groups: _Optional[_Iterable[str]] = ...) -> None: ...

class UpdateOrganizationWebhookResponse(_message.Message):
    __slots__ = ("webhook",)
    WEBHOOK_FIELD_NUMBER: _ClassVar[int]
    webhook: WebhookResponse
    def __init__(self, webhook: _Optional[_Union[WebhookResponse, _Mapping]] = ...) -> None: ...

class DeleteOrganizationWebhookRequest(_message.Message):
    __slots__ = ("org_name", "hook_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    HOOK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    hook_name: str
    def __init__(self, org_name: _Optional[str] = ..., hook_name: _Optional[str] = ...) -> None: ...

class DeleteOrganizationWebhookResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetOrganizationWebhookDeliveriesRequest(_message.Message):
    __slots__ = ("org_name", "hook_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    HOOK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    hook_name: str
    def __init__(self, org_name: _Optional[str] = ..., hook_name: _Optional[str] = ...) -> None: ...

class GetOrganizationWebhookDeliveriesResponse(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[WebhookDelivery]
    def __init__(self, items: _Optional[_Iterable[_Union[WebhookDelivery, _Mapping]]] = ...) -> None: ...

class WebhookDelivery(_message.Message):
    __slots__ = ("id", "kind", "payload", "timestamp", "duration", "request_url", "request_headers", "response_code", "response_headers", "response_body")
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PAYLOAD_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    DURATION_FIELD_NUMBER: _ClassVar[int]
    REQUEST_URL_FIELD_NUMBER: _ClassVar[int]
    REQUEST_HEADERS_FIELD_NUMBER: _ClassVar[int]
    RESPONSE_CODE_FIELD_NUMBER: _ClassVar[int]
    RESPONSE_HEADERS_FIELD_NUMBER: _ClassVar[int]
    RESPONSE_BODY_FIELD_NUMBER: _ClassVar[int]
    id: str
    kind: str
    payload: str
    timestamp: int
    duration: int
    request_url: str
    request_headers: str
    response_code: int
    response_headers: str
    response_body: str
    def __init__(self, id: _Optional[str] = ..., kind: _Optional[str] = ..., payload: _Optional[str] = ..., timestamp: _Optional[int] = ..., duration: _Optional[int] = ..., request_url: _Optional[str] = ..., request_headers: _Optional[str] = ..., response_code: _Optional[int] = ..., response_headers: _Optional[str] = ..., response_body: _Optional[str] = ...) -> None: ...

class RedeliverOrganizationWebhookEventRequest(_message.Message):
    __slots__ = ("org_name", "hook_name", "event")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    HOOK_NAME_FIELD_NUMBER: _ClassVar[int]
    EVENT_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    hook_name: str
    event: str
    def __init__(self, org_name: _Optional[str] = ..., hook_name: _Optional[str] = ..., event: _Optional[str] = ...) -> None: ...

class RedeliverOrganizationWebhookEventResponse(_message.Message):
    __slots__ = ("webhook_delivery",)
    WEBHOOK_DELIVERY_FIELD_NUMBER: _ClassVar[int]
    webhook_delivery: WebhookDelivery
    def __init__(self, webhook_delivery: _Optional[_Union[WebhookDelivery, _Mapping]] = ...) -> None: ...

class PingOrganizationWebhookRequest(_message.Message):
    __slots__ = ("org_name", "hook_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    HOOK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    hook_name: str
    def __init__(self, org_name: _Optional[str] = ..., hook_name: _Optional[str] = ...) -> None: ...

class PingOrganizationWebhookResponse(_message.Message):
    __slots__ = ("webhook_delivery",)
    WEBHOOK_DELIVERY_FIELD_NUMBER: _ClassVar[int]
    webhook_delivery: WebhookDelivery
    def __init__(self, webhook_delivery: _Optional[_Union[WebhookDelivery, _Mapping]] = ...) -> None: ...

class ListStackWebhooksRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ...) -> None: ...

class ListStackWebhooksResponse(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[WebhookResponse]
    def __init__(self, items: _Optional[_Iterable[_Union[WebhookResponse, _Mapping]]] = ...) -> None: ...

class CreateStackWebhookRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "body")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    body: Webhook
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., body: _Optional[_Union[Webhook, _Mapping]] = ...) -> None: ...

class Webhook(_message.Message):
    __slots__ = ("organization_name", "project_name", "stack_name", "env_name", "name", "display_name", "payload_url", "secret", "active", "format", "filters", "groups")
    ORGANIZATION_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    ENV_NAME_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    PAYLOAD_URL_FIELD_NUMBER: _ClassVar[int]
    SECRET_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    FILTERS_FIELD_NUMBER: _ClassVar[int]
    GROUPS_FIELD_NUMBER: _ClassVar[int]
    organization_name: str
    project_name: str
    stack_name: str
    env_name: str
    name: str
    display_name: str
    payload_url: str
    secret: str
    active: bool
    format: str
    filters: _containers.RepeatedScalarFieldContainer[str]
    groups: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, organization_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., env_name: _Optional[str] = ..., name: _Optional[str] = ..., display_name: _Optional[str] = ..., payload_url: _Optional[str] = ..., secret: _Optional[str] = ..., active: _Optional[bool] = ..., format: _Optional[str] = ..., filters: _Optional[_Iterable[str]] = ..., groups: _Optional[_Iterable[str]] = ...) -> None: ...

class CreateStackWebhookResponse(_message.Message):
    __slots__ = ("webhook",)
    WEBHOOK_FIELD_NUMBER: _ClassVar[int]
    webhook: WebhookResponse
    def __init__(self, webhook: _Optional[_Union[WebhookResponse, _Mapping]] = ...) -> None: ...

class GetStackWebhookRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "hook_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    HOOK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    hook_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., hook_name: _Optional[str] = ...) -> None: ...

class GetStackWebhookResponse(_message.Message):
    __slots__ = ("webhook",)
    WEBHOOK_FIELD_NUMBER: _ClassVar[int]
    webhook: WebhookResponse
    def __init__(self, webhook: _Optional[_Union[WebhookResponse, _Mapping]] = ...) -> None: ...

class UpdateStackWebhookRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "hook_name", "body")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    HOOK_NAME_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    hook_name: str
    body: Webhook
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., hook_name: _Optional[str] = ..., body: _Optional[_Union[Webhook, _Mapping]] = ...) -> None: ...

class UpdateStackWebhookResponse(_message.Message):
    __slots__ = ("webhook",)
    WEBHOOK_FIELD_NUMBER: _ClassVar[int]
    webhook: WebhookResponse
    def __init__(self, webhook: _Optional[_Union[WebhookResponse, _Mapping]] = ...) -> None: ...

class DeleteStackWebhookRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "hook_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    HOOK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    hook_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., hook_name: _Optional[str] = ...) -> None: ...

class DeleteStackWebhookResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetStackWebhookDeliveriesRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "hook_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    HOOK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    hook_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., hook_name: _Optional[str] = ...) -> None: ...

class GetStackWebhookDeliveriesResponse(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[WebhookDelivery]
    def __init__(self, items: _Optional[_Iterable[_Union[WebhookDelivery, _Mapping]]] = ...) -> None: ...

class RedeliverStackWebhookEventRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "hook_name", "event")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    HOOK_NAME_FIELD_NUMBER: _ClassVar[int]
    EVENT_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    hook_name: str
    event: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., hook_name: _Optional[str] = ..., event: _Optional[str] = ...) -> None: ...

class RedeliverStackWebhookEventResponse(_message.Message):
    __slots__ = ("webhook_delivery",)
    WEBHOOK_DELIVERY_FIELD_NUMBER: _ClassVar[int]
    webhook_delivery: WebhookDelivery
    def __init__(self, webhook_delivery: _Optional[_Union[WebhookDelivery, _Mapping]] = ...) -> None: ...

class PingStackWebhookRequest(_message.Message):
    __slots__ = ("org_name", "project_name", "stack_name", "hook_name")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    PROJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    STACK_NAME_FIELD_NUMBER: _ClassVar[int]
    HOOK_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    project_name: str
    stack_name: str
    hook_name: str
    def __init__(self, org_name: _Optional[str] = ..., project_name: _Optional[str] = ..., stack_name: _Optional[str] = ..., hook_name: _Optional[str] = ...) -> None: ...

class PingStackWebhookResponse(_message.Message):
    __slots__ = ("webhook_delivery",)
    WEBHOOK_DELIVERY_FIELD_NUMBER: _ClassVar[int]
    webhook_delivery: WebhookDelivery
    def __init__(self, webhook_delivery: _Optional[_Union[WebhookDelivery, _Mapping]] = ...) -> None: ...
