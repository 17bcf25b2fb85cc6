#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <limits>
#include <optional>

namespace attn::ui {

/// Paths into a JSON document, as error messages name a key: `span.window`,
/// `w_k[1][2]`.
QString jsonMember(const QString &path, const QString &key);
QString jsonIndexed(const QString &path, qsizetype index);

/// `"text"`, and `"a", "b", "c"`: names as a message quotes them.
QString quotedName(const QString &text);
QString quotedNames(const QStringList &names);

/// The kind of a value, for "expected a number, found a string".
QString jsonKind(const QJsonValue &value);
/// The value in a message: strings, numbers and booleans as written, anything
/// else by its kind.
QString jsonDescription(const QJsonValue &value);

/// Where a JSON text stops parsing, counted as a person counts (line and
/// column from 1), the byte offset, and Qt's reason.
struct JsonSyntaxError
{
    qsizetype line = 0;
    qsizetype column = 0;
    qsizetype offset = 0;
    QString reason;
};

/// Parses `json`; nullopt when it parses, else where and why it does not.
std::optional<JsonSyntaxError> parseJson(const QByteArray &json, QJsonDocument &document);

/// What is wrong, and where; thrown by JsonReader and caught by the reader of
/// a file format, which puts the file (and its own context) in front.
struct JsonReadFailure
{
    QString key; ///< a path such as `w_k[1][2]`; empty when `problem` names the key itself
    QString problem;
};

/// The checks every reader of a JSON file format makes, key by key, with one
/// wording: "KEY: expected a whole number, found 1.5", "KEY: unknown key;
/// expected one of: …", "KEY: this required key is missing; expected …".
/// Each check returns the value or throws a JsonReadFailure.
///
/// Where two formats differ, the Rules say how: whether a key set to null
/// counts as missing, how a value of the wrong kind is named, and which whole
/// numbers are taken.
class JsonReader
{
public:
    struct Rules
    {
        /// A key set to null is missing (true), or a value of the wrong kind (false).
        bool nullIsMissing = false;
        /// "expected a number, found a string" (Kind) or "…, found \"abc\"" (Value).
        enum class Found
        {
            Kind,
            Value,
        } found = Found::Kind;
        /// The whole numbers taken; others are "expected a whole number, found …".
        double lowestInteger = std::numeric_limits<int>::min();
        double highestInteger = std::numeric_limits<int>::max();
    };

    explicit constexpr JsonReader(const Rules &rules) : m_rules(rules) {}

    [[noreturn]] static void fail(const QString &key, const QString &problem);
    /// "expected `expected`, found …", the value named as the rules say.
    [[noreturn]] void wrongKind(const QString &key, const QString &expected,
                                const QJsonValue &value) const;
    /// "expected one of "a", "b", found …".
    [[noreturn]] static void notOneOf(const QString &key, const QStringList &names,
                                      const QJsonValue &value);

    /// The value of `name`, or nullopt when it is absent or null (what other
    /// programs write for "not set").
    static std::optional<QJsonValue> optional(const QJsonObject &object, const QString &name);
    /// The value of `name` in the object at `path`; `expected` says what belongs there.
    QJsonValue required(const QJsonObject &object, const QString &path, const QString &name,
                        const QString &expected) const;
    /// Refuses keys not `allowed`, so a misspelt key is never silently
    /// ignored; keys starting with `allowedPrefix` (when given) pass too.
    static void rejectUnknownKeys(const QJsonObject &object, const QString &path,
                                  const QStringList &allowed, const QString &allowedPrefix = {});

    QJsonObject toObject(const QJsonValue &value, const QString &key) const;
    /// An object whose keys are all `allowed`.
    QJsonObject toObject(const QJsonValue &value, const QString &key,
                         const QStringList &allowed) const;
    /// A list; `expected` says of what ("a list of rows"), empty for "a list".
    QJsonArray toArray(const QJsonValue &value, const QString &key,
                       const QString &expected = {}) const;
    /// Reads a list of objects, each with only `allowed` keys, one after the
    /// other: `readItem(object, key)` gets each with its key (`cells[2]`).
    template <typename ReadItem>
    void forEachObject(const QJsonValue &value, const QString &key, const QStringList &allowed,
                       ReadItem readItem) const
    {
        const QJsonArray array = toArray(value, key);
        for (qsizetype index = 0; index < array.size(); ++index) {
            const QString itemKey = jsonIndexed(key, index);
            readItem(toObject(array.at(index), itemKey, allowed), itemKey);
        }
    }
    QString toText(const QJsonValue &value, const QString &key) const;
    /// A JSON number (finite: JSON has no others).
    double toNumber(const QJsonValue &value, const QString &key) const;
    int toInteger(const QJsonValue &value, const QString &key) const;
    /// The whole number at `name` in the object at `path`, which must be there.
    int requiredInteger(const QJsonObject &object, const QString &path, const QString &name) const;

    /// The format's name and version, checked before anything else: a file
    /// from a newer version should say so, not trip over a key this version
    /// does not know. `notThisFormat` takes the expected name (%1) and what
    /// was found (%2); `newerVersion` the file's version (%1) and the
    /// version read (%2). Returns the file's version.
    int readFormat(const QJsonObject &root, const QString &formatName, int readableVersion,
                   const QString &notThisFormat, const QString &newerVersion) const;

private:
    Rules m_rules;
};

} // namespace attn::ui
