#include "gateway/transcode/wire_writer.h"

#include <algorithm>
#include <limits>

#include "gateway/http/huge_pages.h"

namespace pulumi_gateway {
WireWriter::WireWriter(std::string* out, size_t expected) : out_(out) {
  out_->clear();
  out_->reserve(expected);
  AdviseHugePages(out_->data(), out_->capacity());
}

void WireWriter::Close() {
  const Frame frame = open_.back();
  open_.pop_back();
  const uint64_t length = size_ - frame.start + (extra_ - frame.extra);
  if (length < 0x80) {
    // Every message inside was shorter and dropped its note, so this one's is the last.
    (*out_)[records_[frame.record].at] = static_cast<char>(length);
    records_.pop_back();
    return;
  }
  records_[frame.record].length = static_cast<uint32_t>(length);
  extra_ +=
      google::protobuf::io::CodedOutputStream::VarintSize32(static_cast<uint32_t>(length)) - 1;
}

bool WireWriter::Finish() {
  if (size_ + extra_ > std::numeric_limits<uint32_t>::max()) return false;
  size_t src_end = size_;
  size_t dst_end = size_ + extra_;
  out_->resize(dst_end);
  char* data = out_->data();
  for (auto it = records_.rbegin(); it != records_.rend(); ++it) {
    const size_t after = it->at + 1;
    const size_t moved = src_end - after;
    std::memmove(data + dst_end - moved, data + after, moved);
    dst_end -= moved;
    char varint[5];
    const size_t n = WriteVarint(it->length, varint) - varint;
    std::memcpy(data + dst_end - n, varint, n);
    dst_end -= n;
    src_end = it->at;
  }
  return true;
}

void WireWriter::Grow(size_t n) {
  // Within the reserved capacity, grow in steps: resize writes zeros, and pages never written
  // then stay out of RSS.
  size_t target = size_ + n;
  const size_t capacity = out_->capacity();
  if (target <= capacity) {
    target = std::min(capacity, std::max(target, out_->size() + (1 << 20)));
  }
  out_->resize(target);
  if (out_->capacity() != capacity) AdviseHugePages(out_->data(), out_->capacity());
}

}  // namespace pulumi_gateway
