// CommonMark "process emphasis" over the delimiter list: each closer looks
// back for the nearest compatible opener, bounded below by openers_bottom per
// (character, length mod 3, can-open) so the whole pass stays linear.
#include "notes/emphasis.hpp"

namespace ng::notes {

namespace {

int char_slot(char c) { return c == '*' ? 0 : c == '_' ? 1 : 2; }

// CommonMark's "rule of 3" for runs that can both open and close.
bool odd_match(const Delimiter& opener, const Delimiter& closer) {
  return (closer.can_open || opener.can_close) && (opener.length + closer.length) % 3 == 0 &&
         !(opener.length % 3 == 0 && closer.length % 3 == 0);
}

}  // namespace

void DelimiterList::clear() {
  nodes_.clear();
  head_ = tail_ = -1;
}

std::int32_t DelimiterList::push(const Delimiter& d) {
  auto i = static_cast<std::int32_t>(nodes_.size());
  nodes_.push_back(d);
  nodes_.back().prev = tail_;
  nodes_.back().next = -1;
  if (tail_ >= 0)
    nodes_[tail_].next = i;
  else
    head_ = i;
  tail_ = i;
  return i;
}

void DelimiterList::unlink(std::int32_t i) {
  Delimiter& d = nodes_[i];
  if (d.prev >= 0)
    nodes_[d.prev].next = d.next;
  else
    head_ = d.next;
  if (d.next >= 0)
    nodes_[d.next].prev = d.prev;
  else
    tail_ = d.prev;
}

void DelimiterList::truncate(std::int32_t bottom) {
  if (bottom < 0) {
    head_ = tail_ = -1;
    return;
  }
  nodes_[bottom].next = -1;
  tail_ = bottom;
}

void DelimiterList::process(std::int32_t bottom, std::vector<Mark>& marks) {
  std::int32_t openers_bottom[3][3][2];
  for (auto& a : openers_bottom)
    for (auto& b : a)
      for (auto& c : b) c = bottom;

  std::int32_t closer = bottom < 0 ? head_ : nodes_[bottom].next;
  while (closer >= 0) {
    Delimiter& c = nodes_[closer];
    if (!c.can_close) {
      closer = c.next;
      continue;
    }
    std::int32_t& floor = openers_bottom[char_slot(c.ch)][c.length % 3][c.can_open ? 1 : 0];
    std::int32_t o = c.prev;
    for (; o >= 0 && o > bottom && o > floor; o = nodes_[o].prev) {
      const Delimiter& od = nodes_[o];
      if (od.ch != c.ch || !od.can_open) continue;
      if (c.ch == '~' ? od.remaining == c.remaining : !odd_match(od, c)) break;
    }
    if (o < 0 || o <= bottom || o <= floor) {
      floor = c.prev;
      std::int32_t next = c.next;
      if (!c.can_open) unlink(closer);
      closer = next;
      continue;
    }
    Delimiter& od = nodes_[o];
    std::uint32_t use = c.ch == '~' ? c.remaining : (c.remaining >= 2 && od.remaining >= 2 ? 2 : 1);
    od.remaining -= use;
    marks[od.mark].show_end -= use;
    c.remaining -= use;
    marks[c.mark].show_begin += use;
    // Runs between the pair are inside the emphasis and can no longer match.
    od.next = closer;
    c.prev = o;
    if (od.remaining == 0) unlink(o);
    if (c.remaining == 0) {
      std::int32_t next = c.next;
      unlink(closer);
      closer = next;
    }
  }
}

}  // namespace ng::notes
