from google.api import annotations_pb2 as _annotations_pb2
from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetAuditLogExportConfigurationRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class GetAuditLogExportConfigurationResponse(_message.Message):
    __slots__ = ("enabled", "s3_config", "last_result")
    ENABLED_FIELD_NUMBER: _ClassVar[int]
    S3_CONFIG_FIELD_NUMBER: _ClassVar[int]
    LAST_RESULT_FIELD_NUMBER: _ClassVar[int]
    enabled: bool
    s3_config: AuditLogsExportS3Config
    last_result: AuditLogExportResult
    def __init__(self, enabled: _Optional[bool] = ..., s3_config: _Optional[_Union[AuditLogsExportS3Config, _Mapping]] = ..., last_result: _Optional[_Union[AuditLogExportResult, _Mapping]] = ...) -> None: ...

class AuditLogsExportS3Config(_message.Message):
    __slots__ = ("s3_bucket_name", "s3_path_prefix", "iam_role_arn")
    S3_BUCKET_NAME_FIELD_NUMBER: _ClassVar[int]
    S3_PATH_PREFIX_FIELD_NUMBER: _ClassVar[int]
    IAM_ROLE_ARN_FIELD_NUMBER: _ClassVar[int]
    s3_bucket_name: str
    s3_path_prefix: str
    iam_role_arn: str
    def __init__(self, s3_bucket_name: _Optional[str] = ..., s3_path_prefix: _Optional[str] = ..., iam_role_arn: _Optional[str] = ...) -> None: ...

class AuditLogExportResult(_message.Message):
    __slots__ = ("timestamp", "message")
    TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    timestamp: int
    message: str
    def __init__(self, timestamp: _Optional[int] = ..., message: _Optional[str] = ...) -> None: ...

class UpdateAuditLogExportConfigurationRequest(_message.Message):
    __slots__ = ("org_name", "new_enabled", "new_s3_configuration")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    NEW_ENABLED_FIELD_NUMBER: _ClassVar[int]
    NEW_S3_CONFIGURATION_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    new_enabled: bool
    new_s3_configuration: AuditLogsExportS3Config
    def __init__(self, org_name: _Optional[str] = ..., new_enabled: _Optional[bool] = ..., new_s3_configuration: _Optional[_Union[AuditLogsExportS3Config, _Mapping]] = ...) -> None: ...

class UpdateAuditLogExportConfigurationResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class DeleteAuditLogExportConfigurationRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class DeleteAuditLogExportConfigurationResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ForceAuditLogExportRequest(_message.Message):
    __slots__ = ("org_name", "timestamp")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    TIMESTAMP_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    timestamp: int
    def __init__(self, org_name: _Optional[str] = ..., timestamp: _Optional[int] = ...) -> None: ...

class ForceAuditLogExportResponse(_message.Message):
    __slots__ = ("audit_log_export",)
    AUDIT_LOG_EXPORT_FIELD_NUMBER: _ClassVar[int]
    audit_log_export: AuditLogExportResult
    def __init__(self, audit_log_export: _Optional[_Union[AuditLogExportResult, _Mapping]] = ...) -> None: ...

class TestAuditLogExportConfigurationRequest(_message.Message):
    __slots__ = ("org_name", "s3_bucket_name", "s3_path_prefix", "iam_role_arn")
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    S3_BUCKET_NAME_FIELD_NUMBER: _ClassVar[int]
    S3_PATH_PREFIX_FIELD_NUMBER: _ClassVar[int]
    IAM_ROLE_ARN_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    s3_bucket_name: str
    s3_path_prefix: str
    iam_role_arn: str
    def __init__(self, org_name: _Optional[str] = ..., s3_bucket_name: _Optional[str] = ..., s3_path_prefix: _Optional[str] = ..., iam_role_arn: _Optional[str] = ...) -> None: ...

class TestAuditLogExportConfigurationResponse(_message.Message):
    __slots__ = ("audit_log_export",)
    AUDIT_LOG_EXPORT_FIELD_NUMBER: _ClassVar[int]
    audit_log_export: AuditLogExportResult
    def __init__(self, audit_log_export: _Optional[_Union[AuditLogExportResult, _Mapping]] = ...) -> None: ...

class GetAuditLogsReaderKindRequest(_message.Message):
    __slots__ = ("org_name",)
    ORG_NAME_FIELD_NUMBER: _ClassVar[int]
    org_name: str
    def __init__(self, org_name: _Optional[str] = ...) -> None: ...

class GetAuditLogsReaderKindResponse(_message.Message):
    __slots__ = ("value",)
    VALUE_FIELD_NUMBER: _ClassVar[int]
    value: str
    def __init__(self, value: _Optional[str] = ...) -> None: ...
