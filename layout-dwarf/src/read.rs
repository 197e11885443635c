//! Reading type layouts from the DWARF of object files, archives (rlibs) and executables.
//!
//! How rustc (1.95, DWARF 4 on ELF) emits the types read here:
//! - structs, tuple structs and tuples are `DW_TAG_structure_type` with `DW_TAG_member`
//!   children (`__0`, `__1`, ... for unnamed fields), inside `DW_TAG_namespace`s for the crate
//!   and modules; tuples sit at the top of the unit, named `(u8, u32)`;
//! - fieldless enums are `DW_TAG_enumeration_type` with `DW_TAG_enumerator`s;
//! - enums with data are a `DW_TAG_structure_type` holding one `DW_TAG_variant_part`, whose
//!   `DW_AT_discr` names an artificial member (the tag), and one `DW_TAG_variant` per variant
//!   with its `DW_AT_discr_value` (absent for the untagged variant of a niche layout) and a
//!   member whose type is a structure named after the variant, nested in the enum's
//!   structure, with the variant's fields at offsets from the start of the enum;
//! - every aggregate and member carries `DW_AT_alignment`.
//!
//! In relocatable object files (the members of an rlib) references into `.debug_str` are
//! relocations: they are applied while reading.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use gimli::{
    AttributeValue, DwTag, EndianSlice, RelocateReader, RunTimeEndian, UnitOffset, constants as dw,
};
use object::{Object, ObjectSection};

use crate::Error;
use crate::model::{
    EnumLayout, FieldLayout, Tag, TagEncoding, TypeKind, TypeLayout, VariantLayout, gaps,
};

/// Which crates' types to report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    /// Crate names (as in paths: `my_crate`, not `my-crate`); `None` for every crate.
    pub crates: Option<BTreeSet<String>>,
    /// Also report compiler-generated types: closure environments (`{closure_env#0}`),
    /// `async` state machines (`{async_fn_env#0}`) and the like, whose names start with `{`.
    pub generated: bool,
}

impl Scope {
    /// Every type of every crate found in the debug information.
    pub fn all() -> Self {
        Scope {
            crates: None,
            generated: false,
        }
    }

    /// Only the types defined by these crates (and tuples their types hold).
    pub fn crates<I: IntoIterator<Item = S>, S: Into<String>>(names: I) -> Self {
        Scope {
            crates: Some(names.into_iter().map(Into::into).collect()),
            generated: false,
        }
    }

    fn contains(&self, krate: &str) -> bool {
        self.crates.as_ref().is_none_or(|set| set.contains(krate))
    }
}

/// Accumulates the layouts of many files, deduplicating identical copies.
#[derive(Debug, Default)]
pub struct Collector {
    by_name: HashMap<String, Vec<TypeLayout>>,
    units: usize,
}

impl Collector {
    /// An empty collector.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many DWARF compilation units were read so far.
    pub fn units_read(&self) -> usize {
        self.units
    }

    /// Reads one file: an archive (rlib, staticlib), an object file, or an executable / shared
    /// library.
    pub fn read_file(&mut self, path: &Path, scope: &Scope) -> Result<(), Error> {
        let data = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?;
        self.read_bytes(&data, path, scope)
    }

    /// Reads a file already in memory; `path` is only used in error messages.
    pub fn read_bytes(&mut self, data: &[u8], path: &Path, scope: &Scope) -> Result<(), Error> {
        if let Ok(archive) = object::read::archive::ArchiveFile::parse(data) {
            for member in archive.members() {
                let member = member.map_err(|e| object_error(path, e))?;
                let name = String::from_utf8_lossy(member.name()).into_owned();
                // rlibs also hold `lib.rmeta`, which is not an object file.
                if !name.ends_with(".o") && !name.ends_with(".obj") {
                    continue;
                }
                let bytes = member.data(data).map_err(|e| object_error(path, e))?;
                let inner = path.join(&name);
                self.read_object(bytes, &inner, scope)?;
            }
            Ok(())
        } else {
            self.read_object(data, path, scope)
        }
    }

    /// Whether a file (an archive's object members, or the file itself) holds machine code:
    /// a library of type declarations alone compiles to objects without code, and rustc
    /// emits no debug information for them, which is not a missing setting.
    pub fn has_code(path: &Path) -> Result<bool, Error> {
        use object::SectionKind;
        let data = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?;
        let code = |bytes: &[u8], at: &Path| -> Result<bool, Error> {
            let file = object::File::parse(bytes).map_err(|e| object_error(at, e))?;
            Ok(file
                .sections()
                .any(|s| s.kind() == SectionKind::Text && s.size() > 0))
        };
        match object::read::archive::ArchiveFile::parse(&*data) {
            Ok(archive) => {
                for member in archive.members() {
                    let member = member.map_err(|e| object_error(path, e))?;
                    let name = String::from_utf8_lossy(member.name()).into_owned();
                    if !name.ends_with(".o") && !name.ends_with(".obj") {
                        continue;
                    }
                    let bytes = member.data(&*data).map_err(|e| object_error(path, e))?;
                    if code(bytes, &path.join(&name))? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Err(_) => code(&data, path),
        }
    }

    fn read_object(&mut self, data: &[u8], path: &Path, scope: &Scope) -> Result<(), Error> {
        let file = object::File::parse(data).map_err(|e| object_error(path, e))?;
        let endian = if file.is_little_endian() {
            RunTimeEndian::Little
        } else {
            RunTimeEndian::Big
        };
        let relocatable = file.kind() == object::ObjectKind::Relocatable;
        let load = |id: gimli::SectionId| -> Result<LoadedSection<'_>, object::Error> {
            // Only what unit headers, DIEs and their strings need.
            use gimli::SectionId::*;
            if !matches!(
                id,
                DebugInfo | DebugAbbrev | DebugStr | DebugStrOffsets | DebugLineStr | DebugLine
            ) {
                return Ok(LoadedSection::default());
            }
            let Some(section) = file.section_by_name(id.name()) else {
                return Ok(LoadedSection::default());
            };
            let relocations = if relocatable && matches!(id, DebugInfo | DebugStrOffsets) {
                section.relocation_map()?
            } else {
                object::read::RelocationMap::default()
            };
            Ok(LoadedSection {
                data: section.uncompressed_data()?,
                relocations,
            })
        };
        let sections = gimli::DwarfSections::load(load).map_err(|e| object_error(path, e))?;
        let dwarf = sections.borrow(|section| {
            RelocateReader::new(
                EndianSlice::new(&section.data, endian),
                Relocations(&section.relocations),
            )
        });
        let mut headers = dwarf.units();
        while let Some(header) = headers.next().map_err(|e| dwarf_error(path, e))? {
            let unit = dwarf.unit(header).map_err(|e| dwarf_error(path, e))?;
            let tree = Tree::read(&dwarf, &unit).map_err(|e| dwarf_error(path, e))?;
            self.units += 1;
            tree.collect(scope, &mut self.by_name);
        }
        Ok(())
    }

    /// The layouts found, sorted by name.
    pub fn into_types(self) -> Vec<TypeLayout> {
        let mut types: Vec<TypeLayout> = self.by_name.into_values().flatten().collect();
        types.sort_by(|a, b| a.name.cmp(&b.name).then(a.size.cmp(&b.size)));
        types
    }
}

fn object_error(path: &Path, e: object::Error) -> Error {
    Error::Object {
        path: path.to_owned(),
        message: e.to_string(),
    }
}

fn dwarf_error(path: &Path, e: gimli::Error) -> Error {
    Error::Dwarf {
        path: path.to_owned(),
        message: e.to_string(),
    }
}

#[derive(Default)]
struct LoadedSection<'data> {
    data: Cow<'data, [u8]>,
    relocations: object::read::RelocationMap,
}

#[derive(Debug, Clone, Copy)]
struct Relocations<'a>(&'a object::read::RelocationMap);

impl gimli::read::Relocate<usize> for Relocations<'_> {
    fn relocate_address(&self, offset: usize, value: u64) -> gimli::Result<u64> {
        Ok(self.0.relocate(offset as u64, value))
    }

    fn relocate_offset(&self, offset: usize, value: usize) -> gimli::Result<usize> {
        <usize as gimli::ReaderOffset>::from_u64(self.0.relocate(offset as u64, value as u64))
    }
}

type Reader<'a> = RelocateReader<EndianSlice<'a, RunTimeEndian>, Relocations<'a>>;

const NONE: u32 = u32::MAX;

/// The DIEs of one unit that describe types, with just the attributes layouts need.
struct Tree<'a> {
    /// In the order of their offsets, so that an offset is found by binary search.
    nodes: Vec<Node<'a>>,
    address_size: u64,
}

struct Node<'a> {
    offset: usize,
    tag: DwTag,
    parent: u32,
    first_child: u32,
    next_sibling: u32,
    name: Option<Cow<'a, str>>,
    byte_size: Option<u64>,
    align: Option<u64>,
    ty: Option<usize>,
    member_offset: Option<u64>,
    declaration: bool,
    discr: Option<usize>,
    discr_value: Option<u64>,
    count: Option<u64>,
}

fn kept(tag: DwTag) -> bool {
    matches!(
        tag,
        dw::DW_TAG_namespace
            | dw::DW_TAG_structure_type
            | dw::DW_TAG_union_type
            | dw::DW_TAG_enumeration_type
            | dw::DW_TAG_enumerator
            | dw::DW_TAG_member
            | dw::DW_TAG_variant_part
            | dw::DW_TAG_variant
            | dw::DW_TAG_base_type
            | dw::DW_TAG_pointer_type
            | dw::DW_TAG_reference_type
            | dw::DW_TAG_rvalue_reference_type
            | dw::DW_TAG_array_type
            | dw::DW_TAG_subrange_type
            | dw::DW_TAG_typedef
            | dw::DW_TAG_const_type
            | dw::DW_TAG_volatile_type
            | dw::DW_TAG_subroutine_type
            | dw::DW_TAG_unspecified_type
    )
}

fn is_aggregate(tag: DwTag) -> bool {
    matches!(
        tag,
        dw::DW_TAG_structure_type | dw::DW_TAG_union_type | dw::DW_TAG_enumeration_type
    )
}

impl<'a> Tree<'a> {
    fn read(
        dwarf: &gimli::Dwarf<Reader<'a>>,
        unit: &gimli::Unit<Reader<'a>>,
    ) -> gimli::Result<Self> {
        let mut nodes: Vec<Node> = Vec::new();
        // For each depth, the kept node at that depth on the current path (or NONE), and the
        // last kept child seen under it.
        let mut path: Vec<(u32, u32)> = Vec::new();
        let mut cursor = unit.entries();
        while let Some(entry) = cursor.next_dfs()? {
            let depth = entry.depth().max(0) as usize;
            path.truncate(depth + 1);
            while path.len() < depth + 1 {
                path.push((NONE, NONE));
            }
            let tag = entry.tag();
            if !kept(tag) {
                continue;
            }
            let index = nodes.len() as u32;
            let parent = if depth == 0 { NONE } else { path[depth - 1].0 };
            let mut node = Node {
                offset: entry.offset().0,
                tag,
                parent,
                first_child: NONE,
                next_sibling: NONE,
                name: None,
                byte_size: None,
                align: None,
                ty: None,
                member_offset: None,
                declaration: false,
                discr: None,
                discr_value: None,
                count: None,
            };
            for attr in entry.attrs() {
                match attr.name() {
                    dw::DW_AT_name => {
                        if let Ok(s) = dwarf.attr_string(unit, attr.value()) {
                            node.name = Some(s.inner().to_string_lossy());
                        }
                    }
                    dw::DW_AT_byte_size => node.byte_size = attr.udata_value(),
                    dw::DW_AT_alignment => node.align = attr.udata_value(),
                    dw::DW_AT_type => node.ty = unit_ref(attr.value()),
                    dw::DW_AT_data_member_location => node.member_offset = attr.udata_value(),
                    dw::DW_AT_declaration => node.declaration = true,
                    dw::DW_AT_discr => node.discr = unit_ref(attr.value()),
                    dw::DW_AT_discr_value | dw::DW_AT_const_value => {
                        node.discr_value = attr
                            .udata_value()
                            .or_else(|| attr.sdata_value().map(|v| v as u64));
                    }
                    dw::DW_AT_count => node.count = attr.udata_value(),
                    dw::DW_AT_upper_bound if node.count.is_none() => {
                        node.count = attr.udata_value().map(|v| v + 1);
                    }
                    _ => {}
                }
            }
            if parent != NONE {
                let parent_slot = &mut path[depth - 1];
                if parent_slot.1 == NONE {
                    nodes[parent as usize].first_child = index;
                } else {
                    nodes[parent_slot.1 as usize].next_sibling = index;
                }
                parent_slot.1 = index;
            }
            nodes.push(node);
            path[depth] = (index, NONE);
        }
        Ok(Tree {
            nodes,
            address_size: u64::from(unit.header.address_size()),
        })
    }

    fn children(&self, index: u32) -> impl Iterator<Item = (u32, &Node<'a>)> + '_ {
        let mut next = self.nodes[index as usize].first_child;
        std::iter::from_fn(move || {
            if next == NONE {
                return None;
            }
            let current = next;
            next = self.nodes[current as usize].next_sibling;
            Some((current, &self.nodes[current as usize]))
        })
    }

    fn node_at(&self, offset: usize) -> Option<u32> {
        self.nodes
            .binary_search_by_key(&offset, |n| n.offset)
            .ok()
            .map(|i| i as u32)
    }

    /// `crate::module::Name` for a node inside namespaces (and types), with the crate's name.
    fn qualified_name(&self, index: u32) -> (String, Option<String>) {
        let mut parts = Vec::new();
        let mut current = index;
        let mut outermost_namespace = None;
        while current != NONE {
            let node = &self.nodes[current as usize];
            if node.tag == dw::DW_TAG_namespace || is_aggregate(node.tag) {
                parts.push(node.name.as_deref().unwrap_or("{anonymous}"));
                if node.tag == dw::DW_TAG_namespace {
                    outermost_namespace = node.name.as_deref();
                }
            }
            current = node.parent;
        }
        parts.reverse();
        (parts.join("::"), outermost_namespace.map(str::to_owned))
    }

    fn type_name(&self, offset: Option<usize>, depth: u32) -> String {
        let Some(index) = offset.and_then(|o| self.node_at(o)) else {
            return "()".to_owned();
        };
        if depth > 16 {
            return "...".to_owned();
        }
        let node = &self.nodes[index as usize];
        match node.tag {
            tag if is_aggregate(tag) => self.qualified_name(index).0,
            dw::DW_TAG_array_type => {
                let element = self.type_name(node.ty, depth + 1);
                let counts: Vec<u64> = self
                    .children(index)
                    .filter(|(_, c)| c.tag == dw::DW_TAG_subrange_type)
                    .map(|(_, c)| c.count.unwrap_or(0))
                    .collect();
                counts
                    .iter()
                    .rev()
                    .fold(element, |inner, n| format!("[{inner}; {n}]"))
            }
            _ => match &node.name {
                Some(name) => name.to_string(),
                None if node.tag == dw::DW_TAG_pointer_type => {
                    format!("*const {}", self.type_name(node.ty, depth + 1))
                }
                None => self.type_name(node.ty, depth + 1),
            },
        }
    }

    fn type_size(&self, offset: Option<usize>, depth: u32) -> u64 {
        let Some(index) = offset.and_then(|o| self.node_at(o)) else {
            return 0;
        };
        let node = &self.nodes[index as usize];
        if let Some(size) = node.byte_size {
            return size;
        }
        if depth > 16 {
            return 0;
        }
        match node.tag {
            dw::DW_TAG_pointer_type
            | dw::DW_TAG_reference_type
            | dw::DW_TAG_rvalue_reference_type => self.address_size,
            dw::DW_TAG_array_type => self
                .children(index)
                .filter(|(_, c)| c.tag == dw::DW_TAG_subrange_type)
                .fold(self.type_size(node.ty, depth + 1), |size, (_, c)| {
                    size.saturating_mul(c.count.unwrap_or(0))
                }),
            dw::DW_TAG_typedef | dw::DW_TAG_const_type | dw::DW_TAG_volatile_type => {
                self.type_size(node.ty, depth + 1)
            }
            _ => 0,
        }
    }

    /// The node of an aggregate type, through typedefs and qualifiers.
    fn aggregate_of(&self, offset: Option<usize>) -> Option<u32> {
        let mut offset = offset?;
        for _ in 0..16 {
            let index = self.node_at(offset)?;
            let node = &self.nodes[index as usize];
            match node.tag {
                tag if is_aggregate(tag) => return Some(index),
                dw::DW_TAG_typedef | dw::DW_TAG_const_type | dw::DW_TAG_volatile_type => {
                    offset = node.ty?;
                }
                _ => return None,
            }
        }
        None
    }

    fn field(&self, node: &Node<'a>) -> FieldLayout {
        FieldLayout {
            name: node.name.as_deref().unwrap_or_default().to_owned(),
            type_name: self.type_name(node.ty, 0),
            offset: node.member_offset.unwrap_or(0),
            size: self.type_size(node.ty, 0),
            align: node.align,
        }
    }

    fn members(&self, index: u32) -> Vec<FieldLayout> {
        let mut fields: Vec<FieldLayout> = self
            .children(index)
            .filter(|(_, c)| c.tag == dw::DW_TAG_member)
            .map(|(_, c)| self.field(c))
            .collect();
        fields.sort_by_key(|f| f.offset);
        fields
    }

    fn is_tuple(&self, index: u32) -> bool {
        let node = &self.nodes[index as usize];
        node.tag == dw::DW_TAG_structure_type
            && node.name.as_deref().is_some_and(|n| n.starts_with('('))
    }

    /// Adds every in-scope type of this unit (and the tuples their fields hold) to `out`.
    fn collect(&self, scope: &Scope, out: &mut HashMap<String, Vec<TypeLayout>>) {
        let mut tuples = Vec::new();
        for (index, node) in self.nodes.iter().enumerate() {
            let index = index as u32;
            if !is_aggregate(node.tag) || node.declaration || node.byte_size.is_none() {
                continue;
            }
            // Types nested in types are enum variants' structures, read with their enum.
            let parent_ok =
                node.parent == NONE || self.nodes[node.parent as usize].tag == dw::DW_TAG_namespace;
            if !parent_ok {
                continue;
            }
            let (name, krate) = self.qualified_name(index);
            let Some(krate) = krate else { continue };
            let generated = node.name.as_deref().is_some_and(|n| n.starts_with('{'));
            if !scope.contains(&krate) || (generated && !scope.generated) {
                continue;
            }
            let layout = self.layout(index, name, Some(krate), &mut tuples);
            insert(out, layout);
        }
        let mut seen = BTreeSet::new();
        while let Some(index) = tuples.pop() {
            if !seen.insert(index) {
                continue;
            }
            let (name, _) = self.qualified_name(index);
            let layout = self.layout(index, name, None, &mut tuples);
            insert(out, layout);
        }
    }

    fn layout(
        &self,
        index: u32,
        name: String,
        crate_name: Option<String>,
        tuples: &mut Vec<u32>,
    ) -> TypeLayout {
        let node = &self.nodes[index as usize];
        let size = node.byte_size.unwrap_or(0);
        let mut layout = TypeLayout {
            name,
            crate_name,
            kind: TypeKind::Struct,
            size,
            align: node.align,
            fields: Vec::new(),
            holes: Vec::new(),
            tail_padding: 0,
            enum_layout: None,
        };
        match node.tag {
            dw::DW_TAG_enumeration_type => {
                layout.kind = TypeKind::Enum;
                let variants = self
                    .children(index)
                    .filter(|(_, c)| c.tag == dw::DW_TAG_enumerator)
                    .map(|(_, c)| VariantLayout {
                        name: c.name.as_deref().unwrap_or_default().to_owned(),
                        discriminant: c.discr_value,
                        fields: Vec::new(),
                        holes: Vec::new(),
                        tail_padding: 0,
                    })
                    .collect();
                let tag = (size > 0).then(|| Tag {
                    offset: 0,
                    size,
                    type_name: self.type_name(node.ty, 0),
                    encoding: TagEncoding::Direct,
                });
                layout.enum_layout = Some(EnumLayout { tag, variants });
                return layout;
            }
            dw::DW_TAG_union_type => {
                layout.kind = TypeKind::Union;
                layout.fields = self.members(index);
                let largest = layout.fields.iter().map(|f| f.size).max().unwrap_or(0);
                layout.tail_padding = size.saturating_sub(largest);
                return layout;
            }
            _ => {}
        }
        if let Some((part, _)) = self
            .children(index)
            .find(|(_, c)| c.tag == dw::DW_TAG_variant_part)
        {
            layout.kind = TypeKind::Enum;
            let enum_layout = self.enum_layout(part, size);
            let mut used: Vec<(u64, u64)> = Vec::new();
            if let Some(tag) = &enum_layout.tag {
                used.push((tag.offset, tag.size));
            }
            for variant in &enum_layout.variants {
                used.extend(variant.fields.iter().map(|f| (f.offset, f.size)));
            }
            (layout.holes, layout.tail_padding) = gaps(used, size);
            layout.enum_layout = Some(enum_layout);
            return layout;
        }
        if self.is_tuple(index) {
            layout.kind = TypeKind::Tuple;
        }
        for (_, child) in self.children(index) {
            if child.tag == dw::DW_TAG_member
                && let Some(aggregate) = self.aggregate_of(child.ty)
                && self.is_tuple(aggregate)
            {
                tuples.push(aggregate);
            }
        }
        layout.fields = self.members(index);
        let used = layout.fields.iter().map(|f| (f.offset, f.size)).collect();
        (layout.holes, layout.tail_padding) = gaps(used, size);
        layout
    }

    fn enum_layout(&self, part: u32, size: u64) -> EnumLayout {
        let part_node = &self.nodes[part as usize];
        let tag_node = part_node
            .discr
            .and_then(|o| self.node_at(o))
            .map(|i| &self.nodes[i as usize]);
        let mut variants = Vec::new();
        for (_, variant) in self
            .children(part)
            .filter(|(_, c)| c.tag == dw::DW_TAG_variant)
        {
            let Some((_, member)) = self
                .children_of(variant)
                .find(|(_, c)| c.tag == dw::DW_TAG_member)
            else {
                continue;
            };
            let fields = self
                .aggregate_of(member.ty)
                .map(|s| self.members(s))
                .unwrap_or_default();
            variants.push(VariantLayout {
                name: member.name.as_deref().unwrap_or_default().to_owned(),
                discriminant: variant.discr_value,
                fields,
                holes: Vec::new(),
                tail_padding: 0,
            });
        }
        let tag = tag_node.map(|t| {
            let offset = t.member_offset.unwrap_or(0);
            let tag_size = self.type_size(t.ty, 0);
            let encoding = match variants.iter().find(|v| v.discriminant.is_none()) {
                Some(untagged) => TagEncoding::Niche {
                    untagged: untagged.name.clone(),
                    field: untagged
                        .fields
                        .iter()
                        .find(|f| f.offset <= offset && offset + tag_size <= f.offset + f.size)
                        .map(|f| f.name.clone()),
                },
                None => TagEncoding::Direct,
            };
            Tag {
                offset,
                size: tag_size,
                type_name: self.type_name(t.ty, 0),
                encoding,
            }
        });
        for variant in &mut variants {
            let mut used: Vec<(u64, u64)> =
                variant.fields.iter().map(|f| (f.offset, f.size)).collect();
            if let Some(tag) = &tag {
                used.push((tag.offset, tag.size));
            }
            (variant.holes, variant.tail_padding) = gaps(used, size);
        }
        EnumLayout { tag, variants }
    }

    fn children_of<'t>(
        &'t self,
        node: &'t Node<'a>,
    ) -> impl Iterator<Item = (u32, &'t Node<'a>)> + 't {
        let mut next = node.first_child;
        std::iter::from_fn(move || {
            if next == NONE {
                return None;
            }
            let current = next;
            next = self.nodes[current as usize].next_sibling;
            Some((current, &self.nodes[current as usize]))
        })
    }
}

fn unit_ref(value: AttributeValue<Reader<'_>>) -> Option<usize> {
    match value {
        AttributeValue::UnitRef(UnitOffset(offset)) => Some(offset),
        _ => None,
    }
}

fn insert(out: &mut HashMap<String, Vec<TypeLayout>>, layout: TypeLayout) {
    let copies = out.entry(layout.name.clone()).or_default();
    if !copies.contains(&layout) {
        copies.push(layout);
    }
}
