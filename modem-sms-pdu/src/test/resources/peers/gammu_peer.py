"""Independent peer for the PDU codec tests: Debian's python3-gammu.

stdin, first line a command:
  decode            then one hex PDU (SMSC prefix first) per line
  encode LAYOUT U N then one line: the text as hex of its UTF-8 (LAYOUT Submit|Deliver, U 1 = UCS-2, N = number)
stdout: for decode one 'PART key=value ...' line per PDU and a 'JOINED hex' line with the text gammu
links from all parts; for encode one hex PDU per line. Texts and numbers travel as hex of UTF-8.
"""
import binascii
import datetime
import sys

import gammu


def h(text):
    return binascii.hexlify((text or '').encode('utf-8')).decode()


def text_of(message):
    # python-gammu 1.42 gives DecodePDU's 'Text' as many characters as TP-UDL counts septets; with escape
    # pairs (each two septets, one character) the rest is whatever follows the real, NUL-terminated text
    # in its buffer. Cut at the first NUL: a GSM text never decodes to U+0000 ('@' is U+0040).
    return (message['Text'] or '').split('\x00')[0]


def decode(lines):
    messages = [gammu.DecodePDU(binascii.unhexlify(line)) for line in lines]
    for m in messages:
        udh = m['UDH']
        ref = udh['ID16bit'] if udh['ID16bit'] not in (-1, 0) else udh['ID8bit']
        print('PART type=%s number=%s text=%s coding=%s udh=%s ref=%d part=%d all=%d mr=%d status=%d' % (
            m['Type'], h(m['Number']), h(text_of(m)), m['Coding'], udh['Type'], ref, udh['PartNumber'], udh['AllParts'],
            m['MessageReference'], m['DeliveryStatus']))
    if len(messages) == 1 and messages[0]['UDH']['Type'] == 'NoUDH':
        print('JOINED ' + h(text_of(messages[0])))
        return
    linked = gammu.LinkSMS([[m] for m in messages])
    if len(linked) != 1:
        print('JOINED-FAILED %d groups' % len(linked))
        return
    info = gammu.DecodeSMS(linked[0])
    print('JOINED ' + h(info['Entries'][0]['Buffer']))


def encode(layout, unicode, number, text):
    parts = gammu.EncodeSMS({'Class': -1, 'Unicode': unicode,
                             'Entries': [{'ID': 'ConcatenatedTextLong', 'Buffer': text}]})
    for m in parts:
        m['Number'] = number
        m['SMSC'] = {'Location': 0, 'Number': ''}
        if layout == 'Deliver':
            m['Type'] = 'Deliver'
            m['DateTime'] = datetime.datetime(2026, 11, 24, 3, 4, 5)
        print(binascii.hexlify(gammu.EncodePDU(m, Layout=layout)).decode().upper())


def main():
    lines = [line.strip() for line in sys.stdin.read().splitlines() if line.strip()]
    command = lines[0].split()
    if command[0] == 'decode':
        decode(lines[1:])
    elif command[0] == 'encode':
        encode(command[1], command[2] == '1', command[3], binascii.unhexlify(lines[1]).decode('utf-8'))
    else:
        sys.exit('unknown command ' + command[0])


main()
