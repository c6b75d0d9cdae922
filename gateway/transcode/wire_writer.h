// The growing output of one protobuf wire encoding written front to back, for json_wire.cc.
//
//   std::string bytes;
//   WireWriter out(&bytes, WireWriter::Expected(json.size()));
//   out.Byte(0x0A);   // a tag
//   out.Open();       // a nested message: its length goes here
//   out.LengthDelimited(0x0A, "key", 3);
//   out.Close();
//   if (!out.Finish()) ...  // bytes now holds the encoding
//
// A nested message's length is known only once it is written: each gets one byte, filled in when
// it closes if the length fits (under 128, most of them); longer ones are noted, and Finish
// inserts their varints in one backward pass that moves every byte at most once. Varints and
// fixed-width values are encoded by protobuf's own CodedOutputStream / WireFormatLite helpers,
// so fixed-width values are little-endian on any host, as the wire format wants.
#ifndef GATEWAY_TRANSCODE_WIRE_WRITER_H_
#define GATEWAY_TRANSCODE_WIRE_WRITER_H_

#include <cstdint>
#include <cstring>
#include <string>

#include "absl/container/inlined_vector.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/wire_format_lite.h"

namespace pulumi_gateway {

class WireWriter {
 public:
  // A reservation for the wire bytes of `json_bytes` of JSON: about as many, a little more for
  // numbers and nesting. Reserved pages never written stay out of RSS.
  static size_t Expected(size_t json_bytes) { return json_bytes / 8 * 9 + 64; }

  // Writes into `out` (cleared), reserving `expected` bytes.
  WireWriter(std::string* out, size_t expected);

  // `n` bytes to fill at once.
  char* Take(size_t n) {
    if (size_ + n > out_->size()) Grow(n);
    char* p = &(*out_)[size_];
    size_ += n;
    return p;
  }
  // Gives back the last `n` bytes taken and not written.
  void Untake(size_t n) { size_ -= n; }
  void Byte(char c) { *Take(1) = c; }
  // A length-delimited field: tag, varint length, bytes.
  void LengthDelimited(char tag, const char* p, size_t n) {
    const size_t most = 1 + 5 + n;
    char* const start = Take(most);
    char* w = start;
    *w++ = tag;
    w = WriteVarint(n, w);
    if (n > 0) std::memcpy(w, p, n);
    size_ -= most - static_cast<size_t>(w + n - start);
  }
  // A varint (a tag, a length, an integer value).
  void Varint(uint64_t v) {
    char* const start = Take(kMaxVarintBytes);
    Untake(kMaxVarintBytes - static_cast<size_t>(WriteVarint(v, start) - start));
  }
  // Fixed-width values, little-endian.
  void Fixed32(uint32_t v) {
    google::protobuf::io::CodedOutputStream::WriteLittleEndian32ToArray(
        v, reinterpret_cast<uint8_t*>(Take(4)));
  }
  void Fixed64(uint64_t v) {
    google::protobuf::io::CodedOutputStream::WriteLittleEndian64ToArray(
        v, reinterpret_cast<uint8_t*>(Take(8)));
  }
  // A one-byte tag and a double (a 64-bit field).
  void Double(char tag, double value) {
    Byte(tag);
    Fixed64(google::protobuf::internal::WireFormatLite::EncodeDouble(value));
  }

  // A nested message starts (after its tag): its length goes here.
  void Open() {
    records_.push_back({static_cast<uint32_t>(size_), 0});
    open_.push_back({size_ + 1, extra_, records_.size() - 1});
    Byte(0);
  }
  // The innermost open message ends.
  void Close();

  // Inserts the long lengths and trims the output; false when it outgrew the 4 GiB the notes
  // can address.
  bool Finish();

  // The longest varint: a 64-bit value in 7-bit groups.
  static constexpr size_t kMaxVarintBytes = 10;

  // Writes `v` as a varint at `p` (room for kMaxVarintBytes); returns the byte after it.
  static char* WriteVarint(uint64_t v, char* p) {
    return reinterpret_cast<char*>(google::protobuf::io::CodedOutputStream::WriteVarint64ToArray(
        v, reinterpret_cast<uint8_t*>(p)));
  }

 private:
  struct Record {
    uint32_t at;      // offset of the one length byte
    uint32_t length;  // the message's final length (0 while open)
  };
  struct Frame {
    size_t start;   // first byte after the length byte
    size_t extra;   // extra_ when the message opened
    size_t record;  // its note in records_
  };

  void Grow(size_t n);

  std::string* out_;
  size_t size_ = 0;
  size_t extra_ = 0;  // bytes the long lengths will add
  // Inline for a usual answer's nested messages: no allocation per conversion.
  absl::InlinedVector<Record, 32> records_;
  absl::InlinedVector<Frame, 64> open_;
};

}  // namespace pulumi_gateway

#endif  // GATEWAY_TRANSCODE_WIRE_WRITER_H_
