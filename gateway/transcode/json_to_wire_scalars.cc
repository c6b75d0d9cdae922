// The encoder's scalar field kinds: strings and bytes, booleans, floating point, enums and the
// integer types, each checked as JsonToMessage checks it and written in its field's encoding.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "gateway/transcode/json_reader.h"
#include "gateway/transcode/json_to_wire_encoder.h"
#include "google/protobuf/wire_format_lite.h"

namespace pulumi_gateway {
namespace json_to_wire_internal {
namespace {

using google::protobuf::internal::WireFormatLite;

uint32_t WireType(const FieldDescriptor* field) {
  switch (field->type()) {
    case FieldDescriptor::TYPE_DOUBLE:
    case FieldDescriptor::TYPE_FIXED64:
    case FieldDescriptor::TYPE_SFIXED64:
      return kFixed64;
    case FieldDescriptor::TYPE_FLOAT:
    case FieldDescriptor::TYPE_FIXED32:
    case FieldDescriptor::TYPE_SFIXED32:
      return kFixed32;
    case FieldDescriptor::TYPE_STRING:
    case FieldDescriptor::TYPE_BYTES:
    case FieldDescriptor::TYPE_MESSAGE:
      return kLengthDelimited;
    default:
      return kVarint;
  }
}

}  // namespace

bool Encoder::Scalar(const FieldDescriptor* field, const Token& token, bool always) {
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_STRING: {
      if (token.kind != Token::kString) {
        return Mismatch(absl::StrCat("expected a string, got ", token.TypeName()));
      }
      absl::string_view bytes = token.text;
      std::string decoded;
      if (field->type() == FieldDescriptor::TYPE_BYTES) {
        if (!absl::Base64Unescape(bytes, &decoded) &&
            !absl::WebSafeBase64Unescape(bytes, &decoded)) {
          return Mismatch("expected base64 bytes");
        }
        bytes = decoded;
      }
      if (bytes.empty() && !always && !field->has_presence()) return true;
      Tag(field, kLengthDelimited);
      Varint(bytes.size());
      if (!bytes.empty()) std::memcpy(out_.Take(bytes.size()), bytes.data(), bytes.size());
      return true;
    }
    case FieldDescriptor::CPPTYPE_BOOL:
      if (token.kind != Token::kBool) {
        return Mismatch(absl::StrCat("expected a boolean, got ", token.TypeName()));
      }
      return Write(field, static_cast<uint64_t>(token.b), always);
    case FieldDescriptor::CPPTYPE_DOUBLE:
    case FieldDescriptor::CPPTYPE_FLOAT: {
      double d = token.d;
      if (token.kind == Token::kSigned) {
        d = static_cast<double>(token.s);
      } else if (token.kind == Token::kUnsigned) {
        d = static_cast<double>(token.u);
      } else if (token.kind == Token::kString) {
        if (!NumberFromText(token.text, &d)) {
          return Mismatch(absl::StrCat("expected a number, got ", token.TypeName()));
        }
      } else if (token.kind != Token::kFloat) {
        return Mismatch(absl::StrCat("expected a number, got ", token.TypeName()));
      }
      if (field->cpp_type() == FieldDescriptor::CPPTYPE_DOUBLE) {
        const uint64_t bits = WireFormatLite::EncodeDouble(d);
        if (bits == 0 && !always && !field->has_presence()) return true;
        Tag(field, kFixed64);
        out_.Fixed64(bits);
      } else {
        const uint32_t bits = WireFormatLite::EncodeFloat(static_cast<float>(d));
        if (bits == 0 && !always && !field->has_presence()) return true;
        Tag(field, kFixed32);
        out_.Fixed32(bits);
      }
      return true;
    }
    case FieldDescriptor::CPPTYPE_ENUM: {
      const google::protobuf::EnumValueDescriptor* e = nullptr;
      if (token.kind == Token::kString) {
        e = field->enum_type()->FindValueByName(std::string(token.text));
      } else if (token.kind == Token::kSigned || token.kind == Token::kUnsigned) {
        // As nlohmann's get<int>() reads it.
        const int n =
            token.kind == Token::kSigned ? static_cast<int>(token.s) : static_cast<int>(token.u);
        e = field->enum_type()->FindValueByNumber(n);
      }
      if (e == nullptr) return Mismatch(absl::StrCat("unknown enum value ", token.Shown()));
      return Write(field, static_cast<uint64_t>(static_cast<int64_t>(e->number())), always);
    }
    case FieldDescriptor::CPPTYPE_MESSAGE:
      break;
    default:
      return Integer(field, token, always);
  }
  return Mismatch("unsupported field type");
}

bool Encoder::Integer(const FieldDescriptor* field, const Token& token, bool always) {
  const bool is_unsigned = field->cpp_type() == FieldDescriptor::CPPTYPE_UINT32 ||
                           field->cpp_type() == FieldDescriptor::CPPTYPE_UINT64;
  int64_t s = 0;
  uint64_t u = 0;
  bool ok = false;
  switch (token.kind) {
    case Token::kUnsigned:
      u = token.u;
      s = static_cast<int64_t>(u);
      ok = is_unsigned || u <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
      break;
    case Token::kSigned:
      s = token.s;
      u = static_cast<uint64_t>(s);
      ok = !is_unsigned || s >= 0;
      break;
    case Token::kFloat:
      ok = std::trunc(token.d) == token.d && std::fabs(token.d) < 9.2e18 &&
           (!is_unsigned || token.d >= 0);
      s = static_cast<int64_t>(token.d);
      u = static_cast<uint64_t>(s);
      break;
    case Token::kString:
      ok = is_unsigned ? UnsignedFromText(token.text, &u) : IntegerFromText(token.text, &s);
      if (is_unsigned) {
        s = static_cast<int64_t>(u);
      } else {
        u = static_cast<uint64_t>(s);
      }
      break;
    default:
      break;
  }
  if (!ok) return Mismatch(absl::StrCat("expected an integer, got ", token.Shown()));
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
      if (s < std::numeric_limits<int32_t>::min() || s > std::numeric_limits<int32_t>::max()) {
        return Mismatch("integer out of range");
      }
      u = static_cast<uint64_t>(s);
      break;
    case FieldDescriptor::CPPTYPE_UINT32:
      if (u > std::numeric_limits<uint32_t>::max()) return Mismatch("integer out of range");
      break;
    case FieldDescriptor::CPPTYPE_INT64:
      u = static_cast<uint64_t>(s);
      break;
    default:
      break;
  }
  return Write(field, u, always);
}

bool Encoder::Write(const FieldDescriptor* field, uint64_t v, bool always) {
  if (v == 0 && !always && !field->has_presence()) return true;
  switch (field->type()) {
    case FieldDescriptor::TYPE_SINT32: {
      const int32_t n = static_cast<int32_t>(v);
      Tag(field, kVarint);
      Varint(
          static_cast<uint32_t>((static_cast<uint32_t>(n) << 1) ^ static_cast<uint32_t>(n >> 31)));
      return true;
    }
    case FieldDescriptor::TYPE_SINT64: {
      const int64_t n = static_cast<int64_t>(v);
      Tag(field, kVarint);
      Varint((static_cast<uint64_t>(n) << 1) ^ static_cast<uint64_t>(n >> 63));
      return true;
    }
    case FieldDescriptor::TYPE_FIXED32:
    case FieldDescriptor::TYPE_SFIXED32: {
      Tag(field, kFixed32);
      out_.Fixed32(static_cast<uint32_t>(v));
      return true;
    }
    case FieldDescriptor::TYPE_FIXED64:
    case FieldDescriptor::TYPE_SFIXED64:
      Tag(field, kFixed64);
      out_.Fixed64(v);
      return true;
    default:
      Tag(field, WireType(field));
      Varint(v);
      return true;
  }
}

}  // namespace json_to_wire_internal
}  // namespace pulumi_gateway
